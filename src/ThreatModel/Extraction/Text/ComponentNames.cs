using System.Text.RegularExpressions;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Finds the names teams give their own components: <c>payments-svc</c>, <c>telemetry-ingest</c>, "the payment service",
/// <c>orders.v1</c>. The suffix or the word next to the name says what kind of element it is.
/// </summary>
internal static partial class ComponentNames
{
    private static readonly Dictionary<string, ElementKind> SuffixKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["svc"] = ElementKind.Service, ["service"] = ElementKind.Service, ["api"] = ElementKind.Service, ["bff"] = ElementKind.Service,
        ["worker"] = ElementKind.Service, ["gateway"] = ElementKind.Service, ["ingest"] = ElementKind.Service, ["sink"] = ElementKind.Service,
        ["ui"] = ElementKind.Service, ["bot"] = ElementKind.Service, ["dashboard"] = ElementKind.Service, ["portal"] = ElementKind.Service,
        ["server"] = ElementKind.Service, ["consumer"] = ElementKind.Service, ["producer"] = ElementKind.Service, ["proxy"] = ElementKind.Service,
        ["broker"] = ElementKind.Queue, ["runner"] = ElementKind.Service, ["panel"] = ElementKind.Service, ["tool"] = ElementKind.Service,
        ["backend"] = ElementKind.Service, ["frontend"] = ElementKind.ClientApp, ["engine"] = ElementKind.Service, ["scheduler"] = ElementKind.Service,
        ["processor"] = ElementKind.Service, ["handler"] = ElementKind.Service, ["exporter"] = ElementKind.Service, ["connector"] = ElementKind.Service,
        ["app"] = ElementKind.Service, ["web"] = ElementKind.Service, ["console"] = ElementKind.Service, ["manager"] = ElementKind.Service,
        ["db"] = ElementKind.DataStore, ["database"] = ElementKind.DataStore, ["store"] = ElementKind.DataStore, ["cache"] = ElementKind.DataStore,
        ["bucket"] = ElementKind.DataStore, ["lake"] = ElementKind.DataStore, ["warehouse"] = ElementKind.DataStore, ["vault"] = ElementKind.DataStore,
        ["media"] = ElementKind.DataStore, ["uploads"] = ElementKind.DataStore, ["transcripts"] = ElementKind.DataStore, ["backups"] = ElementKind.DataStore,
        ["queue"] = ElementKind.Queue, ["topic"] = ElementKind.Queue, ["stream"] = ElementKind.Queue, ["bus"] = ElementKind.Queue,
        ["sync"] = ElementKind.Service, ["job"] = ElementKind.Service, ["jobs"] = ElementKind.Service, ["cron"] = ElementKind.Service,
        ["daemon"] = ElementKind.Service, ["agent"] = ElementKind.Service, ["lambda"] = ElementKind.Service, ["function"] = ElementKind.Service,
        ["fn"] = ElementKind.Service, ["importer"] = ElementKind.Service, ["indexer"] = ElementKind.Service, ["crawler"] = ElementKind.Service,
        ["scraper"] = ElementKind.Service, ["notifier"] = ElementKind.Service, ["mailer"] = ElementKind.Service, ["uploader"] = ElementKind.Service,
        ["renderer"] = ElementKind.Service, ["transcoder"] = ElementKind.Service, ["thumbnailer"] = ElementKind.Service, ["builder"] = ElementKind.Service,
        ["controller"] = ElementKind.Service, ["listener"] = ElementKind.Service, ["poller"] = ElementKind.Service, ["recorder"] = ElementKind.Service,
        ["portal"] = ElementKind.Service, ["site"] = ElementKind.Service, ["extension"] = ElementKind.ClientApp, ["client"] = ElementKind.ClientApp,
        ["es"] = ElementKind.DataStore, ["index"] = ElementKind.DataStore, ["logs"] = ElementKind.DataStore, ["storage"] = ElementKind.DataStore,
        ["registry"] = ElementKind.Service, ["vault"] = ElementKind.DataStore, ["kv"] = ElementKind.DataStore,
        ["bridge"] = ElementKind.Service, ["mirror"] = ElementKind.Service, ["signer"] = ElementKind.Service, ["hub"] = ElementKind.Service,
        ["relay"] = ElementKind.Service, ["sfu"] = ElementKind.Service, ["scanner"] = ElementKind.Service,
    };

    // Category words that, on their own in backticks, are usually a field, filter or permission (`service`, `storage`),
    // not the name of a component.
    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "service", "svc", "storage", "index", "logs", "media", "uploads", "transcripts", "backups", "store", "cache", "function", "fn",
        "job", "jobs", "app", "web", "client", "site", "es", "kv", "db", "database", "bucket", "lake", "warehouse", "vault", "queue",
        "topic", "stream", "bus", "sync", "ui", "extension", "console", "tool", "engine", "handler", "manager", "index", "sink", "cron",
        "agent", "lambda", "consumer", "producer", "listener", "frontend", "backend", "controller",

        // English words that happen to end in a suffix.
        "upstream", "downstream", "useragent", "noproxy", "restore", "bypass",
    };

    // Words next to a name that say what it is; "skip" words say it is not a component at all (a user, a secret, a column).
    private static readonly Dictionary<string, ElementKind?> ContextKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bucket"] = ElementKind.DataStore, ["s3"] = ElementKind.DataStore, ["database"] = ElementKind.DataStore, ["db"] = ElementKind.DataStore,
        ["topic"] = ElementKind.Queue, ["queue"] = ElementKind.Queue, ["stream"] = ElementKind.Queue,
        ["service"] = ElementKind.Service, ["svc"] = ElementKind.Service, ["microservice"] = ElementKind.Service, ["job"] = ElementKind.Service,
        ["cronjob"] = ElementKind.Service, ["deployment"] = ElementKind.Service, ["pod"] = ElementKind.Service, ["function"] = ElementKind.Service,
        ["lambda"] = ElementKind.Service, ["container"] = ElementKind.Service, ["worker"] = ElementKind.Service, ["index"] = ElementKind.DataStore,
        ["user"] = null, ["role"] = null, ["account"] = null, ["secret"] = null, ["key"] = null, ["variable"] = null, ["header"] = null,
        ["column"] = null, ["field"] = null, ["table"] = null, ["param"] = null, ["parameter"] = null, ["flag"] = null, ["group"] = null,
        ["token"] = null, ["scope"] = null, ["policy"] = null, ["label"] = null, ["claim"] = null, ["collection"] = null, ["namespace"] = null,
    };

    public static IEnumerable<Mention> Find(string sentence)
    {
        foreach (Match match in HyphenatedName().Matches(sentence))
        {
            var name = match.Groups["name"].Value;
            var context = ContextKind(sentence, match.Index, match.Index + match.Length, out var skip);
            if (skip)
            {
                continue;
            }

            var prefix = name[..name.IndexOfAny(['-', '_'])];
            if (WordPrefixes.Contains(prefix))
            {
                continue;
            }

            var suffix = name[(name.LastIndexOfAny(['-', '_']) + 1)..];
            if (SuffixKinds.TryGetValue(suffix, out var kind) || context is not null)
            {
                yield return new Mention(match.Index, match.Index + match.Length, name, context ?? kind, null, null, IsNamed: true);
            }
        }

        foreach (Match match in SpacedName().Matches(sentence))
        {
            var head = match.Groups["head"].Value;
            if (NotAName.Contains(head))
            {
                continue;
            }

            var name = $"{head}-{match.Groups["suffix"].Value.ToLowerInvariant()}";
            yield return new Mention(match.Index, match.Index + match.Length, name, ElementKind.Service, null, null, IsNamed: true);
        }

        foreach (Match match in BacktickedWord().Matches(sentence))
        {
            // `pkgmirror`, `signer`: a one-word identifier in backticks is a component when its ending or the word next
            // to it says so; `notes` (a table), `sub` (a claim) or `service` (a filter) are not.
            var name = match.Groups["name"].Value;
            var context = ContextKind(sentence, match.Index, match.Index + match.Length, out var skip);
            var kind = context ?? EndingKind(name);
            if (!skip && kind is not null)
            {
                yield return new Mention(match.Index, match.Index + match.Length, name, kind.Value, null, null, IsNamed: true);
            }
        }

        foreach (Match match in VersionedTopic().Matches(sentence))
        {
            yield return new Mention(match.Index, match.Index + match.Length, match.Groups["name"].Value, ElementKind.Queue, "topic", null, IsNamed: true);
        }
    }

    private static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "our", "their", "this", "that", "each", "every", "any", "one", "new", "web", "rest", "public", "private",
        "internal", "external", "same", "other", "backend", "legacy", "main", "micro", "admin", "tenant", "token", "json", "http",
        "graphql", "soap", "grpc", "that's", "it's", "is", "are", "own", "its", "per", "to", "of", "for", "in", "on", "by", "with",
        "and", "or", "all", "some", "no", "which", "what", "whose", "third-party", "partner", "vendor", "support", "key", "management",
        "single", "shared", "whole", "entire", "cloud", "managed", "hosted", "storage", "messaging", "data", "background",
    };

    // "per-service", "non-admin", "multi-tenant", "cross-service": ordinary English, not component names.
    private static readonly HashSet<string> WordPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "per", "non", "multi", "self", "cross", "pre", "post", "re", "co", "sub", "inter", "intra", "anti", "un", "at", "in",
        "on", "out", "over", "under", "end", "well", "long", "short", "high", "low", "read", "write", "single", "double",
        "as", "check", "follow", "set", "sign", "log", "opt", "roll", "look", "back", "top", "up", "built", "add", "plug",
    };

    /// <summary>The kind the last part of a CamelCase name gives it ("JupyterHub", "PolicyService"); null for other words.</summary>
    public static ElementKind? CamelCaseKind(string name)
    {
        var last = LastHump().Match(name);
        return last.Success && last.Index > 0 && SuffixKinds.TryGetValue(last.Value, out var kind)
            && (!GenericWords.Contains(last.Value) || kind == ElementKind.Service && last.Value.Equals("service", StringComparison.OrdinalIgnoreCase))
            ? kind
            : null;
    }

    /// <summary>"the bridge", "the mirror's": a role word that may refer back to a component named with it.</summary>
    public static IEnumerable<Mention> References(string sentence)
    {
        foreach (Match match in ReferenceWord().Matches(sentence))
        {
            var head = match.Groups["head"].Value;
            if (SuffixKinds.TryGetValue(head, out var kind) && !GenericWords.Contains(head))
            {
                var group = match.Groups["head"];
                yield return new Mention(group.Index, group.Index + group.Length, head.ToLowerInvariant(), kind, null, null, IsNamed: true, IsReference: true);
            }
        }
    }

    /// <summary>
    /// The kind a single word's ending gives it: a known suffix ("signer") or a word that ends in one ("pkgmirror",
    /// "authgateway"); a bare category word ("service", "storage") is not a name.
    /// </summary>
    private static ElementKind? EndingKind(string word)
    {
        if (SuffixKinds.TryGetValue(word, out var exact))
        {
            return GenericWords.Contains(word) ? null : exact;
        }

        if (GenericWords.Contains(word))
        {
            return null;
        }

        foreach (var (suffix, kind) in SuffixKinds)
        {
            if (suffix.Length >= 5 && word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    private static ElementKind? ContextKind(string sentence, int start, int end, out bool skip)
    {
        skip = false;
        var before = WordBefore().Match(sentence[..start]);
        var after = WordAfter().Match(sentence, end);
        foreach (var word in new[] { after.Success ? after.Groups[1].Value : null, before.Success ? before.Groups[1].Value : null })
        {
            if (word is not null && ContextKinds.TryGetValue(word, out var kind))
            {
                skip = kind is null;
                return kind;
            }
        }

        return null;
    }

    // kebab or snake names with at least two parts, optionally in backticks, never part of a path, host or file name.
    [GeneratedRegex(@"(?<![\w./:@-])`?(?<name>[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)`?(?![\w/.@-]*\w)(?!\()", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedName();

    // "payments svc", "the payment service". Not "api": "daily API allowance" and "public API" are ordinary English.
    [GeneratedRegex(@"\b(?<head>[a-z][a-z0-9]{2,})[ ](?<suffix>svc|service|worker)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpacedName();

    [GeneratedRegex(@"\b(?:the|our|this|that)\s+(?<head>[a-z]{2,12})(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceWord();

    [GeneratedRegex(@"[A-Z][a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LastHump();

    // One lowercase word alone in backticks: not code (`privileged: true`), a path (`/shared`) or a call (`parseFloat`).
    [GeneratedRegex(@"(?<![\w`])`(?<name>[a-z][a-z0-9]{2,30})`(?![\w`(])", RegexOptions.CultureInvariant)]
    private static partial Regex BacktickedWord();

    [GeneratedRegex(@"(?<![\w./-])`?(?<name>[a-z][a-z0-9_-]*\.v\d+)`?(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedTopic();

    [GeneratedRegex(@"(\w+)[\s`]*$")]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"\G[\s`]*(\w+)")]
    private static partial Regex WordAfter();
}
