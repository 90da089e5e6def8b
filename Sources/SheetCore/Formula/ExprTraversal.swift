/// Generic walks over formula trees: one `map` that rebuilds a tree bottom-up, and a visitor.
extension Expr {
    /// Calls `body` on every node, parents before children.
    public func visit(_ body: (Expr) -> Void) {
        var stack: [Expr] = [self]
        while let e = stack.popLast() {
            body(e)
            switch e {
            case .unary(_, let a), .percent(let a), .spill(let a), .paren(let a): stack.append(a)
            case .binary(_, let a, let b): stack.append(b); stack.append(a)
            case .call(let c): stack.append(contentsOf: c.arguments.reversed())
            default: break
            }
        }
    }

    /// Rebuilds the tree, giving every node to `transform` after its children were rebuilt.
    public func map(_ transform: (Expr) -> Expr) -> Expr {
        switch self {
        case .unary(let op, let a): return transform(.unary(op, a.map(transform)))
        case .percent(let a): return transform(.percent(a.map(transform)))
        case .spill(let a): return transform(.spill(a.map(transform)))
        case .paren(let a): return transform(.paren(a.map(transform)))
        case .binary(let op, let a, let b): return transform(.binary(op, a.map(transform), b.map(transform)))
        case .call(var c):
            c.arguments = c.arguments.map { $0.map(transform) }
            return transform(.call(c))
        default: return transform(self)
        }
    }

    /// Rewrites every sheet qualifier in references and names.
    func mapSheetRefs(_ f: (SheetRef) -> SheetRef) -> Expr {
        map { e in
            switch e {
            case .reference(var r):
                if let s = r.sheet { r.sheet = f(s) }
                return .reference(r)
            case .name(var n):
                if let s = n.sheet { n.sheet = f(s) }
                return .name(n)
            default: return e
            }
        }
    }

    func replacingSheet(_ id: SheetID, with replacement: SheetRef) -> Expr {
        mapSheetRefs { $0 == .id(id) ? replacement : $0 }
    }

    var hasNamedSheetRef: Bool {
        var found = false
        visit { e in
            switch e {
            case .reference(let r): if case .named = r.sheet { found = true }
            case .name(let n): if case .named = n.sheet { found = true }
            default: break
            }
        }
        return found
    }

    /// Whether any function in the tree is volatile / reads references dynamically.
    var callsVolatileOrDynamic: (volatile: Bool, dynamic: Bool) {
        var v = false, d = false
        visit { e in
            if case .call(let c) = e, let f = c.function {
                if f.isVolatile { v = true }
                if f.isDynamicReference { d = true }
            }
            if case .spill = e { d = true }
        }
        return (v, d)
    }
}
