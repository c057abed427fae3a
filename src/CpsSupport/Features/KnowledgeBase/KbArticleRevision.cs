using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>A past version of an article, kept on every edit so supervisors can see and restore its history.</summary>
public sealed class KbArticleRevision
{
    public long Id { get; set; }
    public Guid ArticleId { get; set; }
    public int Revision { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string EditedBy { get; set; }
    public DateTimeOffset EditedAt { get; set; }
}

internal sealed class KbArticleRevisionConfiguration : IEntityTypeConfiguration<KbArticleRevision>
{
    public void Configure(EntityTypeBuilder<KbArticleRevision> b)
    {
        b.ToTable("kb_article_revisions");
        b.Property(r => r.Title).HasMaxLength(300).IsRequired();
        b.Property(r => r.Body).IsRequired();
        b.Property(r => r.EditedBy).HasMaxLength(200).IsRequired();
        b.HasOne<KbArticle>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ArticleId, r.Revision }).IsUnique().HasDatabaseName("ux_kb_article_revisions_article_revision");
    }
}
