import Foundation

/// Order statistics: k-th values, ranks, percentiles, quartiles, frequency tables.
enum RankingFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("LARGE", .statistical, 2...2, [.any, .scalar], "LARGE(array, k)", "The k-th largest number.") { (args, ctx) throws(FormulaError) in
                let s = try NumberList.of(args[0], ctx).sorted
                let k = try ctx.number(args[1]).rounded(.up)
                guard k >= 1, k <= Double(s.count) else { throw FormulaError(.num) }
                return .value(.number(s[s.count - Int(k)]))
            },
            .eager("SMALL", .statistical, 2...2, [.any, .scalar], "SMALL(array, k)", "The k-th smallest number.") { (args, ctx) throws(FormulaError) in
                let s = try NumberList.of(args[0], ctx).sorted
                let k = try ctx.number(args[1]).rounded(.up)
                guard k >= 1, k <= Double(s.count) else { throw FormulaError(.num) }
                return .value(.number(s[Int(k) - 1]))
            },
            rank("RANK", "RANK(number, ref, [order])", "Rank of a number in a list (ties share the best rank); order 0 descending.", prefix: nil, average: false),
            rank("RANK.EQ", "RANK.EQ(number, ref, [order])", "Rank of a number in a list (ties share the best rank); order 0 descending.", prefix: "_xlfn.", average: false),
            rank("RANK.AVG", "RANK.AVG(number, ref, [order])", "Rank of a number in a list (ties get the average rank); order 0 descending.", prefix: "_xlfn.", average: true),
            percentile("PERCENTILE", "PERCENTILE(array, k)", "k-th percentile, k in [0, 1], interpolated.", prefix: nil) { s, k throws(FormulaError) in
                try Stats.percentileInclusive(sorted: s, k)
            },
            percentile("PERCENTILE.INC", "PERCENTILE.INC(array, k)", "k-th percentile, k in [0, 1], interpolated.", prefix: "_xlfn.") { s, k throws(FormulaError) in
                try Stats.percentileInclusive(sorted: s, k)
            },
            percentile("PERCENTILE.EXC", "PERCENTILE.EXC(array, k)", "k-th percentile, k in (0, 1) exclusive, interpolated.", prefix: "_xlfn.") { s, k throws(FormulaError) in
                try Stats.percentileExclusive(sorted: s, k)
            },
            percentile("QUARTILE", "QUARTILE(array, quart)", "Quartile 0 (min) to 4 (max).", prefix: nil) { s, q throws(FormulaError) in
                try Stats.quartileInclusive(sorted: s, q)
            },
            percentile("QUARTILE.INC", "QUARTILE.INC(array, quart)", "Quartile 0 (min) to 4 (max).", prefix: "_xlfn.") { s, q throws(FormulaError) in
                try Stats.quartileInclusive(sorted: s, q)
            },
            percentile("QUARTILE.EXC", "QUARTILE.EXC(array, quart)", "Quartile 1 to 3, exclusive method.", prefix: "_xlfn.") { s, q throws(FormulaError) in
                try Stats.quartileExclusive(sorted: s, q)
            },
            percentRank("PERCENTRANK", "PERCENTRANK(array, x, [significance])", "Rank of x as a fraction 0…1 of the data, truncated to significance digits.", prefix: nil, exclusive: false),
            percentRank("PERCENTRANK.INC", "PERCENTRANK.INC(array, x, [significance])", "Rank of x as a fraction 0…1 of the data, truncated to significance digits.", prefix: "_xlfn.", exclusive: false),
            percentRank("PERCENTRANK.EXC", "PERCENTRANK.EXC(array, x, [significance])", "Rank of x as a fraction strictly between 0 and 1, truncated to significance digits.", prefix: "_xlfn.", exclusive: true),
            .eager("FREQUENCY", .statistical, 2...2, [.any], "FREQUENCY(data_array, bins_array)",
                   "Counts of values up to each bin (and above the last), as a column; spills.") { (args, ctx) throws(FormulaError) in
                let data = try NumericArguments.collect([args[0]], ctx)
                let bins = try NumericArguments.collect([args[1]], ctx)
                // Bins in ascending order, keeping each one's position in the output.
                let order = bins.indices.sorted { bins[$0] < bins[$1] || (bins[$0] == bins[$1] && $0 < $1) }
                let sortedBins = order.map { bins[$0] }
                var counts = [Double](repeating: 0, count: bins.count + 1)
                for x in data {
                    var lo = 0, hi = sortedBins.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if sortedBins[mid] < x { lo = mid + 1 } else { hi = mid }
                    }
                    counts[lo < order.count ? order[lo] : bins.count] += 1
                }
                return .value(.array(ValueArray(column: counts.map { .number($0) })))
            },
        ]
    }

    static func rank(_ name: String, _ signature: String, _ summary: String, prefix: String?, average: Bool) -> FunctionDefinition {
        .eager(name, .statistical, 2...3, [.scalar, .any, .scalar], signature, summary, prefix: prefix) { (args, ctx) throws(FormulaError) in
            let x = try ctx.number(args[0])
            let list = try NumberList.of(args[1], ctx)
            let ascending = try ctx.number(args[opt: 2], default: 0) != 0
            let below = list.countBelow(x, orEqual: false), atMost = list.countBelow(x, orEqual: true)
            let equal = atMost - below
            guard equal > 0 else { throw FormulaError(.na) }
            let before = ascending ? below : list.numbers.count - atMost
            return .value(.number(average ? Double(before) + Double(equal + 1) / 2 : Double(before + 1)))
        }
    }

    static func percentile(_ name: String, _ signature: String, _ summary: String, prefix: String?,
                           _ f: @escaping ([Double], Double) throws(FormulaError) -> Double) -> FunctionDefinition {
        .eager(name, .statistical, 2...2, [.any, .scalar], signature, summary, prefix: prefix) { (args, ctx) throws(FormulaError) in
            let s = try NumberList.of(args[0], ctx).sorted
            let k = try ctx.number(args[1])
            return .value(.number(try f(s, k)))
        }
    }

    static func percentRank(_ name: String, _ signature: String, _ summary: String, prefix: String?, exclusive: Bool) -> FunctionDefinition {
        .eager(name, .statistical, 2...3, [.any, .scalar, .scalar], signature, summary, prefix: prefix) { (args, ctx) throws(FormulaError) in
            let list = try NumberList.of(args[0], ctx)
            let s = list.sorted
            let x = try ctx.number(args[1])
            let digits = try ctx.number(args[opt: 2], default: 3).rounded(.towardZero)
            guard digits >= 1, !s.isEmpty else { throw FormulaError(.num) }
            guard x >= s[0], x <= s[s.count - 1] else { throw FormulaError(.na) }
            let n = Double(s.count)
            let below = list.countBelow(x, orEqual: false)
            // Position of x among the sorted values, 0-based, interpolated between neighbours.
            var position = Double(below)
            if below < s.count, s[below] != x {
                let lower = s[below - 1], upper = s[below]
                position = Double(below - 1) + (x - lower) / (upper - lower)
            }
            let r: Double
            if exclusive {
                r = (position + 1) / (n + 1)
            } else {
                r = s.count == 1 ? 1 : position / (n - 1)
            }
            return .value(.number(Rounding.round(r, digits: Int(Swift.min(digits, 15)), rule: .down)))
        }
    }
}
