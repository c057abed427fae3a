namespace CpsSupport.Features.KnowledgeBase;

/// <summary>A knowledge-base operation refused by a business rule; the message is French and shown to the user as is.</summary>
public class KnowledgeBaseException(string message) : InvalidOperationException(message);

/// <summary>The article changed since the user loaded it: nothing was saved.</summary>
public sealed class KbArticleConflictException(string title)
    : KnowledgeBaseException($"L'article « {title} » a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Rechargez-le : vos modifications n'ont pas été enregistrées.");
