package io.datamind.ratelimit;

/** Redis could not decide in time (not connected, failed, slow, or recently failed); the caller falls back. */
class RedisUnavailable extends RuntimeException {

    RedisUnavailable(String reason) {
        super(reason, null, false, false);
    }

    RedisUnavailable(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
