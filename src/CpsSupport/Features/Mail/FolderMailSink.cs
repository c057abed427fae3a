using Microsoft.Extensions.Options;
using MimeKit;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Development sink: each message becomes a <c>.eml</c> file in <see cref="MailFolderOptions.Sent"/> (relative to the
/// repository root), named after its Message-ID, so that a message sent twice is one file.
/// </summary>
public sealed class FolderMailSink(IOptions<MailOptions> options) : IMailSink
{
    /// <summary>Absolute path of the folder the messages are written to.</summary>
    public string Folder { get; } = ResolveFolder(options.Value.Folder.Sent);

    public Task<IMailSinkSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSinkSession>(new Session(Folder));
    }

    /// <summary>The file a message with this Message-ID is written to.</summary>
    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')) + ".eml";

    private static string ResolveFolder(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CpsSupport.sln"))) return Path.Combine(dir.FullName, configured);
            }
        }
        return Path.GetFullPath(configured);
    }

    private sealed class Session(string folder) : IMailSinkSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var path = Path.Combine(folder, FileName(message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId()));
            // Written beside and moved over: a reader of the folder never sees half a message.
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
