/// The OpenAPI 3.1 description of the API, served at `GET /openapi.json`. docs/openapi.json
/// holds the same text; a test checks they are identical and that every route is described.
/// After editing docs/openapi.json, paste it here between the delimiters.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "sheet workbook API",
    "version": "1.0.0",
    "description": "Workbooks in a .sheetdb store over HTTP: cells, sheets, pictures, AI formulas and live changes. See docs/api.md."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "tags": [
    {
      "name": "meta"
    },
    {
      "name": "workbooks"
    },
    {
      "name": "sheets"
    },
    {
      "name": "cells"
    },
    {
      "name": "ai"
    },
    {
      "name": "events"
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "health",
        "tags": [
          "meta"
        ],
        "summary": "Liveness",
        "description": "Answers while the server runs. Needs no token.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        },
        "security": []
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "tags": [
          "meta"
        ],
        "summary": "This document",
        "description": "The OpenAPI 3.1 description of the API (docs/openapi.json).",
        "responses": {
          "200": {
            "description": "The document",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/workbooks": {
      "get": {
        "operationId": "listWorkbooks",
        "tags": [
          "workbooks"
        ],
        "summary": "List workbooks",
        "description": "Every workbook of the store.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WorkbookList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "operationId": "createWorkbook",
        "tags": [
          "workbooks"
        ],
        "summary": "Create or import a workbook",
        "description": "`application/json` `{\"name\": …}` makes an empty workbook with one sheet, `Sheet1`. An `.xlsx` body (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `application/octet-stream`) is imported; `?name=` names it (default `Workbook`). Answers 201 with the workbook, `Location: /workbooks/{id}` and, for imports, the reader's warnings.",
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Workbook"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        },
        "parameters": [
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "The name of an imported workbook.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewWorkbook"
              }
            },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            }
          }
        }
      }
    },
    "/workbooks/{id}": {
      "get": {
        "operationId": "getWorkbook",
        "tags": [
          "workbooks"
        ],
        "summary": "Get a workbook",
        "description": "Name, revision, sheets and AI statistics.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Workbook"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          }
        ]
      },
      "delete": {
        "operationId": "deleteWorkbook",
        "tags": [
          "workbooks"
        ],
        "summary": "Delete a workbook",
        "description": "After the writes already queued on it. Its event streams get `deleted` and end.",
        "responses": {
          "204": {
            "description": "Deleted"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          }
        ]
      }
    },
    "/workbooks/{id}/export.xlsx": {
      "get": {
        "operationId": "exportWorkbook",
        "tags": [
          "workbooks"
        ],
        "summary": "Export as .xlsx",
        "description": "The workbook as an Excel file, formulas with their current values (AI answers included as cached values).",
        "responses": {
          "200": {
            "description": "The file",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          }
        ]
      }
    },
    "/workbooks/{id}/sheets": {
      "get": {
        "operationId": "listSheets",
        "tags": [
          "sheets"
        ],
        "summary": "List sheets",
        "description": "In tab order.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SheetList"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          }
        ]
      },
      "post": {
        "operationId": "addSheet",
        "tags": [
          "sheets"
        ],
        "summary": "Add a sheet",
        "description": "At `index` (0-based), or at the end.",
        "responses": {
          "201": {
            "description": "Added",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SheetList"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewSheet"
              }
            }
          }
        }
      }
    },
    "/workbooks/{id}/sheets/{sheet}": {
      "patch": {
        "operationId": "updateSheet",
        "tags": [
          "sheets"
        ],
        "summary": "Rename or move a sheet",
        "description": "Formulas that name the sheet follow the new name.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SheetList"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "sheet",
            "in": "path",
            "required": true,
            "description": "The sheet's name, percent-encoded.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "Data"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SheetUpdate"
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "deleteSheet",
        "tags": [
          "sheets"
        ],
        "summary": "Delete a sheet",
        "description": "Formulas that referred to it show `#REF!`. The last sheet cannot be deleted (422).",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SheetList"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "sheet",
            "in": "path",
            "required": true,
            "description": "The sheet's name, percent-encoded.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "Data"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ]
      }
    },
    "/workbooks/{id}/cells": {
      "get": {
        "operationId": "getCells",
        "tags": [
          "cells"
        ],
        "summary": "Read a range",
        "description": "The occupied cells (a value, a formula or a number format) of a range, row by row. Whole columns or rows (`A:C`, `2:4`) are clipped to the sheet's used range. At most `maxRangeCells` cells (400 `range-too-large`). The answer is always exactly a stored revision (the `revision` field and the ETag).",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CellRange"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "range",
            "in": "query",
            "required": true,
            "description": "`Sheet1!A1:F50`, `A1:F50` (first sheet), `'My sheet'!B:B`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 300
            },
            "example": "Sheet1!A1:F50"
          }
        ]
      },
      "patch": {
        "operationId": "patchCells",
        "tags": [
          "cells"
        ],
        "summary": "Edit cells",
        "description": "A batch of edits applied atomically: every reference is resolved and every formula parsed first, and any refusal (422, listing each bad edit in `errors`) changes nothing. The batch is recalculated incrementally and saved as one revision; the answer lists every cell whose input, value or format changed. With `If-Match` the batch applies only to that revision (412 otherwise).",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/CellEdit"
                },
                "description": "At most `maxBatchEdits` edits (10,000 by default; 413 beyond)."
              }
            }
          }
        }
      }
    },
    "/workbooks/{id}/cells/{ref}/image": {
      "put": {
        "operationId": "putImage",
        "tags": [
          "cells"
        ],
        "summary": "Put a picture into a cell",
        "description": "The body is the picture (PNG, JPEG, GIF or WebP, checked by its bytes; at most `maxImageBytes`). `?alt=` gives alternative text. VISION() formulas can read it.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "ref",
            "in": "path",
            "required": true,
            "description": "One cell: `B2`, `Sheet1!B2` or `'My sheet'!B2` (percent-encoded; without a sheet, the first sheet).",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "Sheet1!B2"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          },
          {
            "name": "alt",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 1000
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "image/png": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/jpeg": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/gif": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/webp": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            }
          }
        }
      },
      "get": {
        "operationId": "getImage",
        "tags": [
          "cells"
        ],
        "summary": "Get a cell's picture",
        "description": "The bytes of the picture a cell holds (404 when it holds none).",
        "responses": {
          "200": {
            "description": "The picture",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "image/png": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "image/jpeg": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "image/gif": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "image/webp": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "ref",
            "in": "path",
            "required": true,
            "description": "One cell: `B2`, `Sheet1!B2` or `'My sheet'!B2` (percent-encoded; without a sheet, the first sheet).",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "Sheet1!B2"
          }
        ]
      }
    },
    "/workbooks/{id}/recalc": {
      "post": {
        "operationId": "recalc",
        "tags": [
          "ai"
        ],
        "summary": "Recalculate",
        "description": "Recalculates what is dirty and tries failed AI calls again; with `refreshAI` every AI answer is fetched anew (bypassing the cache). Saves what changed as a revision.",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecalcResult"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "refreshAI",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecalcOptions"
              }
            }
          }
        }
      }
    },
    "/workbooks/{id}/ai": {
      "get": {
        "operationId": "aiStatus",
        "tags": [
          "ai"
        ],
        "summary": "AI calls",
        "description": "Pending, finished and failed model calls, tokens, cache hits, and each AI cell's status (`cached`, `fresh`, `pending`, `error: <reason>`).",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AIStatus"
                }
              }
            },
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          }
        ]
      }
    },
    "/workbooks/{id}/events": {
      "get": {
        "operationId": "events",
        "tags": [
          "events"
        ],
        "summary": "Live changes (Server-Sent Events)",
        "description": "`event: ready` (data `{\"workbook\":…,\"revision\":…}`), then one `event: change` per revision with `id: <revision>` and the same data as a PATCH answer (`source` says what made it: `patch`, `image`, `sheets`, `recalc`, `ai` for model answers that landed, `open`), and `event: deleted` if the workbook is deleted. A comment line every 15 s keeps the connection open. `?limit=N` ends the stream after N changes, `?timeout=S` after S seconds; streams end when the server shuts down.",
        "responses": {
          "200": {
            "description": "The event stream",
            "content": {
              "text/event-stream": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/WorkbookID"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000
            }
          },
          {
            "name": "timeout",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 86400
            }
          }
        ]
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token from `--token-file` or `SHEET_TOKENS`; read tokens may only GET."
      }
    },
    "headers": {
      "ETag": {
        "description": "The workbook revision, quoted (`\"7\"`): send it back in `If-Match`.",
        "schema": {
          "type": "string"
        }
      }
    },
    "parameters": {
      "WorkbookID": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "format": "int64"
        },
        "example": 1
      },
      "IfMatch": {
        "name": "If-Match",
        "in": "header",
        "required": false,
        "description": "Apply only if the workbook is at this revision (`7`, `\"7\"`, or `*`); else 412 with the current revision.",
        "schema": {
          "type": "string",
          "pattern": "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad JSON, a bad query value or If-Match header",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No token or an unknown one",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "A read-only token asked to write",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such workbook, sheet, route or picture",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path exists but not with this method (see Allow)",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "If-Match named another revision; `revision` is the current one",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooLarge": {
        "description": "The body (or batch) is larger than the server accepts",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body's type is not one this route takes",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unprocessable": {
        "description": "Well-formed but refused: unknown sheets or cells, formulas that do not parse, a bad name; `errors` lists a batch's refused edits",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unavailable": {
        "description": "Timed out before its turn, shutting down, or the store failed; nothing was changed",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "`urn:sheet:problem:<slug>` (docs/api.md lists the slugs)"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer"
          },
          "detail": {
            "type": "string"
          },
          "instance": {
            "type": "string"
          },
          "revision": {
            "type": "integer",
            "description": "412: the workbook's current revision"
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              }
            },
            "description": "422 for a batch: `{\"ref\":…,\"message\":…}` per refused edit"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "openWorkbooks"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          },
          "openWorkbooks": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "NewWorkbook": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          }
        }
      },
      "WorkbookSummary": {
        "type": "object",
        "required": [
          "id",
          "name",
          "revision",
          "sheetCount",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "revision": {
            "type": "integer"
          },
          "sheetCount": {
            "type": "integer"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "WorkbookList": {
        "type": "object",
        "required": [
          "workbooks"
        ],
        "properties": {
          "workbooks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WorkbookSummary"
            }
          }
        }
      },
      "Workbook": {
        "type": "object",
        "required": [
          "id",
          "name",
          "revision",
          "sheets",
          "ai"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "revision": {
            "type": "integer"
          },
          "sheets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Sheet"
            }
          },
          "ai": {
            "$ref": "#/components/schemas/AIStats"
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "imports: what the reader skipped or repaired"
          }
        }
      },
      "Sheet": {
        "type": "object",
        "required": [
          "name",
          "index",
          "visibility",
          "usedRange"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "index": {
            "type": "integer",
            "minimum": 0
          },
          "visibility": {
            "type": "string",
            "enum": [
              "visible",
              "hidden",
              "veryHidden"
            ]
          },
          "usedRange": {
            "type": [
              "string",
              "null"
            ],
            "description": "`A1:C10`, null for an empty sheet"
          }
        }
      },
      "SheetName": {
        "type": "string",
        "minLength": 1,
        "maxLength": 31,
        "pattern": "^[^'\\[\\]:\\\\/?*][^\\[\\]:\\\\/?*]*$",
        "description": "1–31 characters, none of : \\ / ? * [ ], not starting or ending with '"
      },
      "SheetList": {
        "type": "object",
        "required": [
          "workbook",
          "revision",
          "sheets"
        ],
        "properties": {
          "workbook": {
            "type": "integer"
          },
          "revision": {
            "type": "integer"
          },
          "sheets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Sheet"
            }
          }
        }
      },
      "NewSheet": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "$ref": "#/components/schemas/SheetName"
          },
          "index": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "SheetUpdate": {
        "type": "object",
        "minProperties": 1,
        "properties": {
          "name": {
            "$ref": "#/components/schemas/SheetName"
          },
          "index": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Cell": {
        "type": "object",
        "required": [
          "ref",
          "type",
          "value",
          "text"
        ],
        "properties": {
          "ref": {
            "type": "string",
            "description": "`B2` in a range answer; `Sheet1!B2` in changes"
          },
          "type": {
            "type": "string",
            "enum": [
              "empty",
              "number",
              "text",
              "boolean",
              "error",
              "image"
            ]
          },
          "value": {
            "type": [
              "number",
              "string",
              "boolean",
              "null"
            ],
            "description": "numbers as numbers (dates as serial numbers), errors as their code (`#DIV/0!`), pictures as their description, empty as null"
          },
          "formula": {
            "type": "string",
            "description": "`=A2*2`, when the cell holds a formula"
          },
          "spilledFrom": {
            "type": "string",
            "description": "the anchor of the dynamic array this value is part of"
          },
          "format": {
            "type": "string",
            "description": "the number format, when not General"
          },
          "text": {
            "type": "string",
            "description": "the value as the grid shows it under its format"
          },
          "error": {
            "type": "string",
            "description": "the error code, for type error"
          },
          "message": {
            "type": "string",
            "description": "why: a formula's error message, an AI call's reason (`timeout: …`)"
          },
          "image": {
            "type": "object",
            "required": [
              "mediaType",
              "bytes",
              "sha256"
            ],
            "properties": {
              "mediaType": {
                "type": "string"
              },
              "bytes": {
                "type": "integer",
                "minimum": 0
              },
              "sha256": {
                "type": "string"
              },
              "altText": {
                "type": "string"
              }
            }
          }
        }
      },
      "CellRange": {
        "type": "object",
        "required": [
          "workbook",
          "revision",
          "sheet",
          "range",
          "rows",
          "columns",
          "cells"
        ],
        "properties": {
          "workbook": {
            "type": "integer"
          },
          "revision": {
            "type": "integer"
          },
          "sheet": {
            "type": "string"
          },
          "range": {
            "type": "string"
          },
          "rows": {
            "type": "integer"
          },
          "columns": {
            "type": "integer"
          },
          "cells": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Cell"
            }
          }
        }
      },
      "CellEdit": {
        "type": "object",
        "required": [
          "ref",
          "input"
        ],
        "properties": {
          "ref": {
            "type": "string",
            "description": "`Sheet1!B2`, or `B2` on the first sheet"
          },
          "input": {
            "type": [
              "string",
              "number",
              "boolean",
              "null"
            ],
            "description": "what a user types: `42`, `hello`, `=A1*2`, `'=text`; a number or boolean as such; null or \"\" clears the cell"
          }
        }
      },
      "Change": {
        "type": "object",
        "required": [
          "workbook",
          "revision",
          "source",
          "changed",
          "truncated"
        ],
        "properties": {
          "workbook": {
            "type": "integer"
          },
          "revision": {
            "type": "integer"
          },
          "source": {
            "type": "string",
            "enum": [
              "patch",
              "image",
              "sheets",
              "recalc",
              "ai",
              "open"
            ]
          },
          "changed": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Cell"
            }
          },
          "truncated": {
            "type": "boolean",
            "description": "more cells changed than are listed (`maxListedChanges`): reload the ranges shown"
          }
        }
      },
      "AIStats": {
        "type": "object",
        "required": [
          "pending",
          "finished",
          "failed",
          "requests",
          "calls",
          "cacheHits",
          "cacheMisses",
          "cacheHitRate",
          "inputTokens",
          "outputTokens"
        ],
        "properties": {
          "pending": {
            "type": "integer",
            "minimum": 0
          },
          "finished": {
            "type": "integer",
            "minimum": 0
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "requests": {
            "type": "integer",
            "minimum": 0
          },
          "calls": {
            "type": "integer",
            "minimum": 0
          },
          "cacheHits": {
            "type": "integer",
            "minimum": 0
          },
          "cacheMisses": {
            "type": "integer",
            "minimum": 0
          },
          "inputTokens": {
            "type": "integer",
            "minimum": 0
          },
          "outputTokens": {
            "type": "integer",
            "minimum": 0
          },
          "cacheHitRate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          }
        }
      },
      "RecalcOptions": {
        "type": "object",
        "properties": {
          "refreshAI": {
            "type": "boolean"
          }
        }
      },
      "RecalcResult": {
        "type": "object",
        "required": [
          "workbook",
          "revision",
          "recalculated",
          "refreshAI",
          "result",
          "ai"
        ],
        "properties": {
          "workbook": {
            "type": "integer"
          },
          "revision": {
            "type": "integer"
          },
          "recalculated": {
            "type": "integer",
            "minimum": 0
          },
          "refreshAI": {
            "type": "boolean"
          },
          "result": {
            "$ref": "#/components/schemas/Change"
          },
          "ai": {
            "$ref": "#/components/schemas/AIStats"
          }
        }
      },
      "AIStatus": {
        "type": "object",
        "required": [
          "workbook",
          "revision",
          "configured",
          "offline",
          "stats",
          "cells",
          "truncated"
        ],
        "properties": {
          "workbook": {
            "type": "integer"
          },
          "revision": {
            "type": "integer"
          },
          "configured": {
            "type": "boolean"
          },
          "offline": {
            "type": "boolean"
          },
          "stats": {
            "$ref": "#/components/schemas/AIStats"
          },
          "cells": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "ref",
                "status"
              ],
              "properties": {
                "ref": {
                  "type": "string"
                },
                "status": {
                  "type": "string"
                }
              }
            }
          },
          "truncated": {
            "type": "boolean"
          }
        }
      }
    }
  }
}

"""#
}
