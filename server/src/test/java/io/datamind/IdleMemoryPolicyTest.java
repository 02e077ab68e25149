package io.datamind;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy is applied to this very JVM: options still at their defaults change, the command line's stand. */
class IdleMemoryPolicyTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void setsTheOptionsTheCommandLineLeftAtTheirDefaultsWhenRunningG1() {
        boolean g1 = "true".equals(vm.getVMOption("UseG1GC").getValue());
        Map<String, VMOption> before = current();

        IdleMemoryPolicy.apply();

        Map<String, VMOption> after = current();
        IdleMemoryPolicy.G1_OPTIONS.forEach((name, value) -> {
            VMOption was = before.get(name);
            if (g1 && was.getOrigin() == VMOption.Origin.DEFAULT) {
                assertThat(after.get(name).getValue()).as(name).isEqualTo(value);
                assertThat(after.get(name).getOrigin()).as(name).isEqualTo(VMOption.Origin.MANAGEMENT);
            } else {
                assertThat(after.get(name).getValue()).as(name).isEqualTo(was.getValue());
            }
        });
    }

    @Test
    void leavesOptionsAlreadySetAlone() {
        IdleMemoryPolicy.apply();
        vm.setVMOption("G1PeriodicGCInterval", "60000");

        IdleMemoryPolicy.apply();

        assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("60000");
    }

    private Map<String, VMOption> current() {
        Map<String, VMOption> options = new LinkedHashMap<>();
        IdleMemoryPolicy.G1_OPTIONS.keySet().forEach(name -> options.put(name, vm.getVMOption(name)));
        return options;
    }
}
