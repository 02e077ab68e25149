package io.datamind;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(DataMindApplication.class).verify();
    }
}
