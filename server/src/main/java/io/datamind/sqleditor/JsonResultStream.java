package io.datamind.sqleditor;

import io.datamind.common.ApiException;
import io.datamind.common.web.ProblemWriter;
import io.datamind.query.QuerySummary;
import io.datamind.query.ResultColumn;
import io.datamind.query.RowSink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a query's result to the HTTP response while its rows arrive, in the shape of
 * {@link io.datamind.query.QueryResult} ({@code columns, rows, rowCount, truncated, durationMs}, in that order), so
 * the server holds one row and a small buffer rather than the whole result.
 *
 * <p>The first {@value #COMMIT_THRESHOLD} bytes stay in memory: a result that fits is sent with a Content-Length, and
 * a query that fails before then still answers with a problem (the caller throws it). Once bytes have gone out the
 * status is 200 and cannot change, so a later failure closes the JSON with {@code "truncated": true} and an
 * {@code error} object holding the problem's {@code title}, {@code status}, {@code detail} and {@code requestId}.
 */
final class JsonResultStream implements RowSink {

    static final int COMMIT_THRESHOLD = 64 * 1024;

    private final HttpServletResponse response;
    private final DeferredCommit out;
    private final JsonGenerator json;
    private boolean inRows;
    private long rowsWritten;

    JsonResultStream(HttpServletResponse response, JsonMapper mapper) {
        this.response = response;
        this.out = new DeferredCommit();
        this.json = mapper.createGenerator(out);
    }

    @Override
    public void columns(List<ResultColumn> columns) throws IOException {
        try {
            json.writeStartObject();
            json.writeName("columns");
            json.writePOJO(columns);
            json.writeName("rows");
            json.writeStartArray();
            inRows = true;
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void row(List<Object> values) throws IOException {
        try {
            json.writeStartArray();
            for (Object value : values) {
                json.writePOJO(value);
            }
            json.writeEndArray();
            rowsWritten++;
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    /** Ends the JSON after the last row and sends what is still buffered. */
    void finish(QuerySummary summary) {
        try {
            endRows();
            json.writeNumberProperty("rowCount", summary.rowCount());
            json.writeBooleanProperty("truncated", summary.truncated());
            json.writeNumberProperty("durationMs", summary.durationMs());
            json.writeEndObject();
            json.close();
            out.finish();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether bytes have reached the client, so that the status can no longer change. */
    boolean committed() {
        return out.committed;
    }

    /**
     * Ends a result whose query failed after the response was committed: the rows so far, {@code truncated: true}
     * and the problem as {@code error}.
     */
    void fail(ApiException failure, long durationMs) {
        if (!committed()) {
            throw new IllegalStateException("Not committed: answer with the problem instead");
        }
        ProblemDetail problem = ProblemWriter.problem(failure);
        try {
            endRows();
            json.writeNumberProperty("rowCount", rowsWritten);
            json.writeBooleanProperty("truncated", true);
            json.writeNumberProperty("durationMs", durationMs);
            json.writeName("error");
            json.writeStartObject();
            json.writeStringProperty("title", problem.getTitle());
            json.writeNumberProperty("status", problem.getStatus());
            json.writeStringProperty("detail", problem.getDetail());
            Map<String, Object> properties = problem.getProperties();
            if (properties != null) {
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    json.writePOJOProperty(property.getKey(), property.getValue());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
            json.close();
            out.finish();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endRows() {
        if (!inRows) {
            // No columns yet (a failure before the first result set): an empty result to close.
            json.writeStartObject();
            json.writeName("columns");
            json.writeStartArray();
            json.writeEndArray();
            json.writeName("rows");
            json.writeStartArray();
            inRows = true;
        }
        json.writeEndArray();
    }

    /** Holds the first bytes, then writes through to the response. */
    private final class DeferredCommit extends OutputStream {

        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        private OutputStream target;
        boolean committed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (target != null) {
                target.write(bytes, offset, length);
                return;
            }
            buffer.write(bytes, offset, length);
            if (buffer.size() > COMMIT_THRESHOLD) {
                start(-1);
            }
        }

        @Override
        public void flush() throws IOException {
            // The generator flushes on close only; buffering decides when bytes go out.
        }

        @Override
        public void close() {
            // finish() completes the response; the generator's close must not.
        }

        void finish() throws IOException {
            if (target == null) {
                start(buffer.size());
            }
            target.flush();
        }

        private void start(long contentLength) throws IOException {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            if (contentLength >= 0) {
                response.setContentLengthLong(contentLength);
            }
            target = response.getOutputStream();
            // Committed from here on, even if the write below fails: the status is out of our hands.
            committed = true;
            buffer.writeTo(target);
            buffer = null;
        }
    }
}
