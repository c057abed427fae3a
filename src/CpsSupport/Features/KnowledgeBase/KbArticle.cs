using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>A knowledge-base answer in French Markdown; may hold placeholders such as {{demandeur}} and {{ticket}}.</summary>
public sealed class KbArticle : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Stable key of the article (seeded articles are updated by slug).</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public List<string> Tags { get; set; } = [];
    public int Revision { get; set; } = 1;
    public bool Archived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public NpgsqlTsVector SearchVector { get; set; } = null!;
}

internal sealed class KbArticleConfiguration : IEntityTypeConfiguration<KbArticle>
{
    public void Configure(EntityTypeBuilder<KbArticle> b)
    {
        b.ToTable("kb_articles");
        b.Property(a => a.Slug).HasMaxLength(120).IsRequired();
        b.Property(a => a.Title).HasMaxLength(300).IsRequired();
        b.Property(a => a.Body).IsRequired();
        b.Property(a => a.Tags).HasColumnType("text[]");
        b.Property(a => a.Version).IsRowVersion();
        b.HasIndex(a => a.Slug).IsUnique().HasDatabaseName("ux_kb_articles_slug");
        b.HasGeneratedTsVectorColumn(a => a.SearchVector, SearchConfiguration.Name, a => new { a.Title, a.Body })
            .HasIndex(a => a.SearchVector).HasMethod("GIN").HasDatabaseName("ix_kb_articles_search");
    }
}
