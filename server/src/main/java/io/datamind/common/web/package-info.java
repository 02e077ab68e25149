/** How every endpoint speaks: problem details, pagination, request ids, access log and body limits. */
@org.springframework.modulith.NamedInterface("web")
package io.datamind.common.web;
