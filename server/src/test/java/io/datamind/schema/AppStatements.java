package io.datamind.schema;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Records the SQL the application sends to its own database from request threads. */
@TestConfiguration(proxyBeanMethods = false)
class AppStatements {

    record Statement(String thread, String sql) {}

    static final ConcurrentLinkedQueue<Statement> SEEN = new ConcurrentLinkedQueue<>();

    @Bean
    static BeanPostProcessor recordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
                    return new Recording(dataSource);
                }
                return bean;
            }
        };
    }

    /** Statements sent from web request threads since the last call. */
    static List<String> requestStatementsSinceLastCall() {
        List<String> result = SEEN.stream()
                .filter(s -> s.thread().contains("http-nio") || s.thread().contains("exec-"))
                .map(Statement::sql)
                .toList();
        SEEN.clear();
        return result;
    }

    static final class Recording extends DelegatingDataSource {
        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            SEEN.add(new Statement(Thread.currentThread().getName(), sql));
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
