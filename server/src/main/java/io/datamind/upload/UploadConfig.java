package io.datamind.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart limits come from {@code datamind.uploads.max-size} (this replaces Spring Boot's own multipart settings):
 * the servlet container refuses a larger file while it streams in, and the problem handler answers 413. Parts are
 * written to disk as they arrive, never held in memory.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfig {

    /** Room for the other form fields and the multipart framing around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties properties) {
        long max = properties.maxSize().toBytes();
        return new MultipartConfigElement("", max, max + FORM_OVERHEAD, 0);
    }
}
