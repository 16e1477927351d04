using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace SupportLens.Storage.Data;

/// <summary>A value for <c>$name</c>, <c>$1</c> or <c>?</c> in a command. The CLR type of the value picks the DuckDB type.</summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = "";

    public DuckDbParameter()
    {
    }

    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    public DuckDbParameter(object? value)
    {
        Value = value;
    }

    public override DbType DbType { get; set; } = DbType.Object;

    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB parameters are input only.");
            }
        }
    }

    public override bool IsNullable { get; set; } = true;

    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <summary>The name as DuckDB reports it: without a leading $, @ or :.</summary>
    internal string NormalizedName => _name.TrimStart('$', '@', ':');

    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    public override bool SourceColumnNullMapping { get; set; }

    public override object? Value { get; set; }

    public override int Size { get; set; }

    public override void ResetDbType() => DbType = DbType.Object;
}
