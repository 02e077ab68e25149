/** Shared kernel: API conventions (problem details, pagination, request ids) and the data directory. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.datamind.common;
