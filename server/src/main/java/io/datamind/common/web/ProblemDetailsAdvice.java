package io.datamind.common.web;

import io.datamind.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into an RFC 9457 problem with a message a person can act on. Unexpected errors are logged
 * with their stack trace and answered with the request id only: no SQL, driver message or trace leaves the server.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException exception, WebRequest request) {
        return respond(ProblemWriter.problem(exception), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException exception, WebRequest request) {
        return respond(
                ProblemWriter.problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action"),
                request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException exception, WebRequest request) {
        return respond(ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in to continue"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException exception, WebRequest request) {
        String field = exception.getName();
        String expected = exception.getRequiredType() == null
                ? "a valid value"
                : "a valid " + exception.getRequiredType().getSimpleName();
        return respond(ProblemWriter.problem(ApiException.invalidField(field, "must be " + expected)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
        log.error("Unexpected error on {}", describe(request), exception);
        return respond(
                ProblemWriter.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal server error",
                        "Something went wrong on our side. Quote request id " + RequestIds.current()
                                + " when reporting it."),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiException.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return respond(validationProblem(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<ApiException.FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiException.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return respond(validationProblem(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body without a declared length that passes the limit is stopped while the JSON reader reads it, which
        // wraps the refusal: it is still a 413, not malformed JSON.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return handleApi(tooLarge, request);
            }
        }
        return respond(
                ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Malformed request body", unreadableDetail(exception)),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String sent = exception.getContentType() == null
                ? "none"
                : exception.getContentType().toString();
        return respond(
                ProblemWriter.problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content type",
                        "Content type '" + sent + "' is not supported here; send application/json"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(
                ProblemWriter.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "The file is larger than the upload limit"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty("requestId", RequestIds.current());
            String reason = HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
            if (problem.getTitle() == null) {
                problem.setTitle(reason);
            }
            if (problem.getDetail() == null) {
                problem.setDetail(reason);
            }
            setInstance(problem, request);
            return ResponseEntity.status(statusCode)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return super.handleExceptionInternal(exception, body, headers, statusCode, request);
    }

    private static ProblemDetail validationProblem(List<ApiException.FieldError> errors) {
        String detail = errors.isEmpty()
                ? "The request is not valid"
                : String.join(
                        "; ",
                        errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Validation failed", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String unreadableDetail(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            if (jackson instanceof MismatchedInputException mismatch
                    && !mismatch.getPath().isEmpty()) {
                return "Field '" + mismatch.getPathReference().replaceAll(".*\\[\"?|\"?]", "") + "' has the wrong type"
                        + where;
            }
            return "The request body is not valid JSON" + where + ": " + jackson.getOriginalMessage();
        }
        return "The request body is missing or not valid JSON";
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        setInstance(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void setInstance(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest httpRequest = servlet.getRequest();
            problem.setInstance(URI.create(httpRequest.getRequestURI()));
        }
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
