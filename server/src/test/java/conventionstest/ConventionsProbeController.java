package conventionstest;

import io.datamind.common.NotFoundException;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exercise each API convention, outside the application's packages so only tests that import it
 * see it.
 */
@RestController
public class ConventionsProbeController {

    public record Item(@NotBlank String name, @Max(10) int quantity) {}

    @PostMapping("/conventions/items")
    Item create(@Valid @RequestBody Item item) {
        return item;
    }

    @GetMapping("/conventions/items/{id}")
    Item find(@PathVariable java.util.UUID id) {
        throw new NotFoundException("Item");
    }

    @GetMapping("/conventions/items")
    Page<Integer> list(PageQuery page) {
        List<Integer> all = IntStream.range(0, 120).boxed().toList();
        List<Integer> items =
                all.stream().skip(page.offset()).limit(page.limit()).toList();
        return Page.of(items, all.size(), page);
    }

    @GetMapping("/conventions/boom")
    Item boom() {
        throw new IllegalStateException("ERROR: relation secret_table does not exist; SELECT password FROM users");
    }
}
