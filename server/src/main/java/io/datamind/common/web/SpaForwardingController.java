package io.datamind.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the web app's index for client-side routes (a path with no dot in its last segment, outside the API), so
 * a reload on /members works. Static files and the API are matched before this.
 */
@Controller
class SpaForwardingController {

    @GetMapping({
        "/",
        "/{path:^(?!api|v3|swagger-ui|actuator|ws)[^.]*}",
        "/{path:^(?!api|v3|swagger-ui|actuator|ws)[^.]*}/**"
    })
    String index() {
        return "forward:/index.html";
    }
}
