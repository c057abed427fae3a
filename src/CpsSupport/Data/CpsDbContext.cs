using CpsSupport.Features.Accounts;
using CpsSupport.Features.Audit;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Files;
using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Orders;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Data;

public sealed class CpsDbContext(DbContextOptions<CpsDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Mandate> Mandates => Set<Mandate>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<CardEvent> CardEvents => Set<CardEvent>();
    public DbSet<CardChallenge> CardChallenges => Set<CardChallenge>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TicketQueue> TicketQueues => Set<TicketQueue>();
    public DbSet<TicketCard> TicketCards => Set<TicketCard>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketLink> TicketLinks => Set<TicketLink>();
    public DbSet<TicketViewer> TicketViewers => Set<TicketViewer>();
    public DbSet<SlaTarget> SlaTargets => Set<SlaTarget>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();
    public DbSet<KbArticle> KbArticles => Set<KbArticle>();
    public DbSet<KbArticleRevision> KbArticleRevisions => Set<KbArticleRevision>();
    public DbSet<SupportRequest> Requests => Set<SupportRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<CardCertificate> CardCertificates => Set<CardCertificate>();
    public DbSet<PinLetter> PinLetters => Set<PinLetter>();
    public DbSet<TechnicalAdministrator> TechnicalAdministrators => Set<TechnicalAdministrator>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CpsSupport.Features.Mail.InboundMail> InboundMails => Set<CpsSupport.Features.Mail.InboundMail>();
    public DbSet<CpsSupport.Features.Mail.MailboxState> MailboxStates => Set<CpsSupport.Features.Mail.MailboxState>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent").HasPostgresExtension("pg_trgm");
        builder.HasSequence<long>("ticket_number_seq");
        builder.HasSequence<long>(RequestNumber.SequenceName);
        // Card serials: two-digit year + eight digits; started above the serials already issued.
        builder.HasSequence<long>(CardLifecycle.SerialSequenceName).StartsAt(50_000_001);
        builder.ApplyConfigurationsFromAssembly(typeof(CpsDbContext).Assembly);
        // Identity names its tables AspNet*; keep the schema in one naming style.
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as readable text: the SQL a supervisor or DBA reads says "Opposed", not 6.
        builder.Properties<Enum>().HaveConversion<string>();
    }
}
