package io.datamind.common;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one replica at a time: ShedLock over the {@code shedlock} table of the application database, with
 * the database's clock, so replicas whose clocks differ still agree on when a lock ends.
 */
@Component
public class ClusterLocks {

    private final LockingTaskExecutor executor;

    ClusterLocks(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    /**
     * Runs the task here unless another replica holds the lock of that name.
     *
     * @param lockAtMostFor how long the lock holds if this replica dies while running the task
     * @param lockAtLeastFor how long the lock holds after a quick run, so other replicas skip the same round
     * @return whether the task ran here
     */
    public boolean runExclusively(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable task) {
        LockingTaskExecutor.TaskResult<Object> result;
        try {
            result = executor.executeWithLock(
                    () -> {
                        task.run();
                        return null;
                    },
                    new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Job " + name + " failed", e);
        }
        return result.wasExecuted();
    }
}
