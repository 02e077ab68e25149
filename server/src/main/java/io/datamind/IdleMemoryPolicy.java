package io.datamind;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an idle server give back the heap that startup needed. A self-hosted server is idle most of the time, but G1's
 * defaults keep whatever heap it grew to (351–533 MB resident after a plain {@code java -jar}, depending on how far
 * startup pushed it) until a full collection that never comes. The JVM takes no flags from the jar's manifest, but
 * these three are manageable: the application sets them on itself at start, unless the command line gave them.
 */
final class IdleMemoryPolicy {

    private static final Logger log = LoggerFactory.getLogger(IdleMemoryPolicy.class);

    /**
     * Collect after 15 s without a collection, and keep 20–40% of the heap free instead of 40–70%; the minimum goes
     * first because the JVM refuses a maximum below the current minimum.
     */
    static final Map<String, String> G1_OPTIONS = options();

    private IdleMemoryPolicy() {}

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("MinHeapFreeRatio", "20");
        options.put("MaxHeapFreeRatio", "40");
        options.put("G1PeriodicGCInterval", "15000");
        return options;
    }

    /** Applies {@link #G1_OPTIONS} that are still at their defaults, when the JVM runs G1. */
    static void apply() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || !"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                return;
            }
        } catch (RuntimeException e) { // not HotSpot: nothing to tune
            return;
        }
        G1_OPTIONS.forEach((name, value) -> {
            try {
                if (vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
                    vm.setVMOption(name, value);
                }
            } catch (RuntimeException e) { // e.g. a minimum above the command line's maximum: theirs stands
                log.debug("Left {} as it is: {}", name, e.getMessage());
            }
        });
    }

    /**
     * One full collection once startup is done: its garbage (bean definitions, parsed classes, migration scripts) is
     * most of the heap at that point, and G1 returns heap to the operating system only after a collection.
     */
    static void releaseStartupGarbage() {
        System.gc();
    }
}
