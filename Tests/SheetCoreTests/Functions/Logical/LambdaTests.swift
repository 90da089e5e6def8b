import XCTest
@testable import SheetCore

/// LET, LAMBDA, MAP, REDUCE, SCAN, BYROW, BYCOL and MAKEARRAY.
final class LambdaTests: XCTestCase {
    private let n = { (x: Double) in Value.number(x) }

    func testLet() {
        assertEval("=LET(x,1,y,x+1,x+y)", 3)
        assertEval("=LET(x,5,x*x)", 25)
        assertEval("=LET(total,SUM(A1:A3),count,3,total/count)", 2, ["A1": "1", "A2": "2", "A3": "3"])
        assertEval("=LET(r,A1:A3,SUM(r)+ROWS(r))", 9, ["A1": "1", "A2": "2", "A3": "3"])   // names keep references
        assertEval("=LET(x,1,LET(x,2,x)+x)", 3)      // inner names shadow outer ones
        assertEval("=LET(name,\"Bo\",\"Hi \"&name)", .text("Hi Bo"))
    }

    func testLetNamesAreCaseInsensitiveAndScoped() throws {
        assertEval("=LET(Rate,2,rate*RATE)", 4)
        let wb = makeWorkbook(["A1": "=LET(x,10,x)", "A2": "=x"])
        XCTAssertEqual(wb.value("A1"), .number(10))
        assertError(wb.value("A2"), .name)            // a LET name is not visible elsewhere
    }

    func testLetErrors() {
        assertEval("=LET(x,1/0,x+1)", .div0)
        assertEval("=LET(x,1/0,5)", 5)
        assertEval("=LET(x,1,y,2)", .value)           // a name without a calculation
        assertEval("=LET(A1,1,2)", .value)            // a reference is not a name
    }

    func testLambdaCalledThroughLet() {
        assertEval("=LET(f,LAMBDA(x,x*2),f(3))", 6)
        assertEval("=LET(add,LAMBDA(a,b,a+b),add(2,5))", 7)
        assertEval("=LET(k,10,f,LAMBDA(x,x+k),f(1))", 11)     // closes over LET names
        assertEval("=LET(f,LAMBDA(x,x*2),g,LAMBDA(y,f(y)+1),g(4))", 9)
        assertEval("=LET(f,LAMBDA(42),f())", 42)
    }

    func testLambdaArityAndResult() {
        assertEval("=LET(f,LAMBDA(x,x*2),f(1,2))", .value)
        assertEval("=LET(f,LAMBDA(x,y,x*y),f(2))", .value)
        assertEval("=LAMBDA(x,x+1)", .calc)                    // a lambda cannot be a cell's value
        assertEval("=LAMBDA(x,x,x+1)", .value)                 // duplicate parameter
    }

    func testMap() {
        assertArray(evalArray("=MAP({1,2,3},LAMBDA(x,x*10))"), [[n(10), n(20), n(30)]])
        assertArray(evalArray("=MAP({1,2},{3,4},LAMBDA(a,b,a+b))"), [[n(4), n(6)]])
        assertArray(evalArray("=MAP(A1:A3,LAMBDA(v,IF(v>1,v,0)))", ["A1": "1", "A2": "2", "A3": "3"]), [[n(0)], [n(2)], [n(3)]])
        assertArray(evalArray("=MAP(A1:A2,LAMBDA(c,ROW(c)))", ["A1": "x"]), [[n(1)], [n(2)]])
        assertArray(evalArray("=MAP({1,0},LAMBDA(x,1/x))"), [[n(1), .error(.div0)]])
    }

    func testMapErrors() {
        assertEval("=MAP({1,2},LAMBDA(a,b,a+b))", .value)      // wrong arity
        assertEval("=MAP({1,2},5)", .value)                     // not a lambda
        assertEval("=MAP({1,2},LAMBDA(x,{1,2}))", .calc)        // nested arrays
    }

    func testReduce() {
        assertEval("=REDUCE(0,{1,2,3},LAMBDA(a,b,a+b))", 6)
        assertEval("=REDUCE(1,{1,2,3,4},LAMBDA(acc,v,acc*v))", 24)
        assertEval("=REDUCE(,A1:A3,LAMBDA(a,b,a+b))", 6, ["A1": "1", "A2": "2", "A3": "3"])
        assertEval("=REDUCE(0,{1,2,3},LAMBDA(a,b,IF(b>1,a+b,a)))", 5)
        assertEval("=REDUCE(0,{1,2},LAMBDA(a,a))", .value)
        // The accumulator may be an array.
        assertArray(evalArray("=REDUCE(0,{1,2},LAMBDA(a,b,VSTACK(a,b)))"), [[n(0)], [n(1)], [n(2)]])
    }

    func testScan() {
        assertArray(evalArray("=SCAN(0,{1,2,3},LAMBDA(a,b,a+b))"), [[n(1), n(3), n(6)]])
        assertArray(evalArray("=SCAN(1,{1;2;3},LAMBDA(a,b,a*b))"), [[n(1)], [n(2)], [n(6)]])
        assertArray(evalArray("=SCAN(\"\",{\"a\",\"b\";\"c\",\"d\"},LAMBDA(t,c,t&c))"),
                    [[.text("a"), .text("ab")], [.text("abc"), .text("abcd")]])
    }

    func testByRowAndByCol() {
        assertArray(evalArray("=BYROW({1,2;3,4},LAMBDA(r,SUM(r)))"), [[n(3)], [n(7)]])
        assertArray(evalArray("=BYCOL({1,2;3,4},LAMBDA(c,MAX(c)))"), [[n(3), n(4)]])
        assertArray(evalArray("=BYROW(A1:B2,LAMBDA(r,SUM(r)))", ["A1": "1", "B1": "2", "A2": "5"]), [[n(3)], [n(5)]])
        assertEval("=BYROW({1,2;3,4},LAMBDA(r,r))", .calc)    // each row must give one value
        assertEval("=BYCOL({1,2},LAMBDA(a,b,a))", .value)
    }

    func testMakeArray() {
        assertArray(evalArray("=MAKEARRAY(2,3,LAMBDA(r,c,r*10+c))"), [[n(11), n(12), n(13)], [n(21), n(22), n(23)]])
        assertEval("=MAKEARRAY(0,2,LAMBDA(r,c,1))", .value)
        assertEval("=MAKEARRAY(2,2,LAMBDA(r,1))", .value)
        assertEval("=MAKEARRAY(100000,100000,LAMBDA(r,c,1))", .num)
    }

    func testLambdaHelpersWithLetBoundLambdas() {
        assertArray(evalArray("=LET(sq,LAMBDA(x,x*x),MAP({1,2,3},sq))"), [[n(1), n(4), n(9)]])
        assertEval("=LET(add,LAMBDA(a,b,a+b),REDUCE(0,{5,6},add))", 11)
    }
}
