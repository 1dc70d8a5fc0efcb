using Microsoft.Data.Sqlite;

namespace Vigil.Ingestion.Queue;

/// <summary>
/// A SQLite file with its schema, created on first use: the host validates <c>Vigil:DataDir</c> first and says what
/// is wrong with it, so nothing touches the disk before. WAL with <c>synchronous=NORMAL</c>: a committed write
/// survives a killed process.
/// </summary>
public abstract class SqliteDatabase
{
    private readonly string path;
    private readonly string schema;
    private readonly string connectionString;
    private readonly Lock creating = new();
    private volatile bool created;

    protected SqliteDatabase(string path, string schema)
    {
        this.path = path;
        this.schema = schema;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public SqliteConnection Open()
    {
        if (!created)
        {
            // One creation at a time; a failed one (a busy file, a data folder mounted late) is tried again on the
            // next call instead of being remembered as a permanent failure.
            lock (creating)
            {
                if (!created)
                {
                    Create();
                    created = true;
                }
            }
        }

        return Connect();
    }

    private void Create()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = schema;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
