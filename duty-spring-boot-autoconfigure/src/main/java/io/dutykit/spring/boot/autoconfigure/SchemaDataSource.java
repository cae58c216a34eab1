package io.dutykit.spring.boot.autoconfigure;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The host's DataSource seen from one schema ({@code dutykit.storage.schema}): every connection
 * DutyKit takes is switched to the schema and switched back to the one it had when DutyKit closes it,
 * so the host's own work on the same pool never lands in DutyKit's schema.
 */
final class SchemaDataSource implements DataSource {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource delegate;
    private final String schema;

    private SchemaDataSource(DataSource delegate, String schema) {
        this.delegate = delegate;
        this.schema = schema;
    }

    /**
     * The host's DataSource seen from {@code schema}, which is created first when {@code create} is set.
     *
     * @throws IllegalArgumentException when the name is not a plain SQL name (letters, digits, _)
     */
    static DataSource of(DataSource delegate, String schema, boolean create) throws SQLException {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("dutykit.storage.schema (" + schema + ") must be a plain schema name:"
                    + " a letter or _, then letters, digits or _, at most 63 characters");
        }
        if (create) {
            try (Connection connection = delegate.getConnection();
                    Statement statement = connection.createStatement()) {
                // the name was checked above; a schema name cannot be a bind parameter
                statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
            }
        }
        return new SchemaDataSource(delegate, schema);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inSchema(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inSchema(delegate.getConnection(username, password));
    }

    private Connection inSchema(Connection connection) throws SQLException {
        String previous;
        try {
            previous = connection.getSchema();
            connection.setSchema(schema);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        InvocationHandler handler = new Restoring(connection, previous);
        return (Connection) Proxy.newProxyInstance(
                SchemaDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** Passes every call on; on close, first puts the connection back in the schema it had. */
    private record Restoring(Connection connection, String previous) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    if (!connection.isClosed() && previous != null) {
                        connection.setSchema(previous);
                    }
                } finally {
                    connection.close();
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
