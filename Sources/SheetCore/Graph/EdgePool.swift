/// Singly linked lists of formula ids, all in two flat arrays, so a million dependency
/// edges cost two array slots each and no allocation of their own.
struct EdgePool {
    private(set) var target: [Int32] = []
    private(set) var next: [Int32] = []
    private var freeHead: Int32 = -1

    /// Pushes `formula` onto the list starting at `head`; returns the new head.
    mutating func push(_ formula: Int32, onto head: Int32) -> Int32 {
        let slot: Int32
        if freeHead >= 0 {
            slot = freeHead
            freeHead = next[Int(slot)]
            target[Int(slot)] = formula
            next[Int(slot)] = head
        } else {
            slot = Int32(target.count)
            target.append(formula)
            next.append(head)
        }
        return slot
    }

    /// Removes the first occurrence of `formula` from the list at `head`; returns the new head.
    mutating func remove(_ formula: Int32, from head: Int32) -> Int32 {
        var previous: Int32 = -1
        var slot = head
        while slot >= 0 {
            let s = Int(slot)
            if target[s] == formula {
                let after = next[s]
                next[s] = freeHead
                freeHead = slot
                if previous < 0 { return after }
                next[Int(previous)] = after
                return head
            }
            previous = slot
            slot = next[s]
        }
        return head
    }

    @inline(__always)
    func forEach(from head: Int32, _ body: (Int32) -> Void) {
        var slot = head
        while slot >= 0 {
            body(target[Int(slot)])
            slot = next[Int(slot)]
        }
    }

    mutating func removeAll() {
        target.removeAll()
        next.removeAll()
        freeHead = -1
    }
}
