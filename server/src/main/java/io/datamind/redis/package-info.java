/** Optional Redis: one shared Lettuce connection when configured, and a clear "not available" otherwise. */
package io.datamind.redis;
