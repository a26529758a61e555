package org.physml.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entry point of the benchmarks: {@code ./physml bench NAME [ARGS]}, or {@code ./physml bench} for the list.
 * Every benchmark prints its timings next to a baseline measured in the same run, as a ratio, so results
 * from different machines or commits can be compared.
 */
public final class Main {
    private Main() {
    }

    static Map<String, Consumer<String[]>> benchmarks() {
        Map<String, Consumer<String[]>> b = new LinkedHashMap<>();
        b.put("surrogate", SurrogateBenchmark::main);
        b.put("descriptors", DescriptorBenchmark::main);
        b.put("pinn", org.physml.pinn.PinnBenchmark::main);

        return b;
    }

    public static void main(String[] args) {
        Map<String, Consumer<String[]>> b = benchmarks();
        if (args.length == 0 || !b.containsKey(args[0])) {
            if (args.length > 0) {
                System.err.println("unknown benchmark '" + args[0] + "'");
            }
            System.out.println("usage: ./physml bench NAME [ARGS]; benchmarks: " + String.join(", ", b.keySet()));
            System.exit(args.length == 0 ? 0 : 2);
        }
        b.get(args[0]).accept(Arrays.copyOfRange(args, 1, args.length));
    }
}
