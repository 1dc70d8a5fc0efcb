using Vigil.ThreatModel.Extraction.Text;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;
using FactAttribute = Xunit.FactAttribute;

namespace Vigil.ThreatModel.Tests.Extraction.Text;

using Model = Vigil.ThreatModel.Model;

/// <summary>
/// How the extractor finds the components a thread talks about when their names are not the usual "-svc"/"-api"
/// shapes, and which element a statement is about when the sentence names none, or names the wrong kind of thing.
/// </summary>
public sealed class ComponentReferenceTests
{
    private static SystemModel Read(params string[] messages) => ThreadReader.Read(messages);

    private static Model.Fact? FactOf(SystemModel model, string key) => ThreadReader.FactOf(model, key);

    [Theory]
    [InlineData("design for `payroll-bridge`: it syncs employees from the HRIS every night", "payroll-bridge")]
    [InlineData("the package-mirror proxies npm for every CI runner", "package-mirror")]
    [InlineData("media goes through the video-sfu and recordings land on EFS", "video-sfu")]
    [InlineData("the turn-relay forwards media for browsers behind NAT", "turn-relay")]
    [InlineData("image-scanner pulls every image pushed by CI", "image-scanner")]
    public void Names_ending_in_bridge_mirror_sfu_relay_or_scanner_are_services(string sentence, string name)
    {
        var model = Read(sentence);

        Assert.Contains(model.Elements, e => e.Name == name && e.Kind == ElementKind.Service);
    }

    [Theory]
    [InlineData("we're replacing direct npmjs / PyPI pulls with `pkgmirror`: Verdaccio + devpi on a single EC2 box", "pkgmirror")]
    [InlineData("customers request withdrawals in the app, `withdraw-svc` builds the tx, `signer` signs it", "signer")]
    [InlineData("the nightly dump lands in the `backups` bucket like every other db", "backups")]
    public void One_backticked_word_that_looks_like_a_component_is_an_element(string sentence, string name)
    {
        var model = Read(sentence);

        Assert.Contains(model.Elements, e => e.Name == name);
    }

    [Theory]
    [InlineData("visit notes are updated in place in the `notes` table, no history", "notes")]
    [InlineData("secrets are handed to any sdk that asks (`service` is just a filter)", "service")]
    [InlineData("manifest perms: `tabs`, `history`, `cookies`, `storage` + host access", "storage")]
    [InlineData("the nginx `upstream` points at the pods", "upstream")]
    [InlineData("pods run as root with `privileged: true` because people apt-get drivers", "privileged")]
    [InlineData("we `parseFloat` the amount and multiply by 1e8", "parsefloat")]
    public void Backticked_fields_filters_and_code_are_not_elements(string sentence, string notAName)
    {
        var model = Read(sentence);

        Assert.DoesNotContain(model.Elements, e => e.Id.Equals(notAName, StringComparison.OrdinalIgnoreCase) || e.Name.Equals(notAName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_bridge_refers_back_to_the_component_named_with_that_word()
    {
        var model = Read(
            "design for `payroll-bridge`: it syncs employees from Workpal to the payroll provider every night",
            "the bridge writes a CSV with name, national id / SSN, salary and bank account to `/tmp/exports` on the shared batch VM");

        Assert.DoesNotContain(model.Elements, e => e.Id == "bridge");
        var personal = model.Data.Where(d => d.Tags.Contains("pii") && d.Evidence.Any(e => e.Quote.Contains("SSN", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(personal);
        Assert.All(personal, d => Assert.Contains("payroll-bridge", d.HeldBy));
    }

    [Fact]
    public void The_mirror_refers_back_to_a_one_word_name_ending_in_mirror()
    {
        var model = Read(
            "we're replacing direct npmjs pulls with `pkgmirror` on a single EC2 box",
            "uploads are public",
            "cache never expires and the mirror has no disk quota");

        Assert.Contains(model.Facts, f => f.Key == "rate-limiting" && f.Subject == "pkgmirror");
        Assert.DoesNotContain(model.Elements, e => e.Id == "mirror");
    }

    [Fact]
    public void A_role_word_with_nothing_named_before_names_nothing()
    {
        var model = Read("the bridge writes a CSV with SSN to /tmp/exports");

        Assert.DoesNotContain(model.Elements, e => e.Id == "bridge");
    }

    [Theory]
    [InlineData("JupyterHub for the data science team is live-ish, one pod per user", "JupyterHub")]
    [InlineData("the gateway calls the legacy PolicyService over SOAP", "PolicyService")]
    public void A_CamelCase_name_ending_in_a_component_word_is_our_component(string sentence, string name)
    {
        var model = Read(sentence);

        Assert.Contains(model.Elements, e => e.Name == name && e.Kind == ElementKind.Service);
    }

    [Fact]
    public void A_known_vendor_ending_in_hub_stays_what_the_lexicon_says()
    {
        var model = Read("notebooks get committed to the GitHub repo with outputs");

        Assert.Contains(model.Elements, e => e.Id == "github" && e.Kind == ElementKind.ExternalService);
    }

    [Fact]
    public void Pods_running_privileged_are_not_attributed_to_the_buckets_they_mount()
    {
        var model = Read(
            "JupyterHub for the data science team is live-ish, zero-to-jupyterhub on EKS, one pod per user",
            "pods run as root with `privileged: true` because a few people apt-get drivers and fuse-mount buckets");

        Assert.Equal("jupyterhub", FactOf(model, "privileged-container")?.Subject);
        Assert.Equal("jupyterhub", FactOf(model, "container-runs-as-root")?.Subject);
    }

    [Fact]
    public void Workload_statement_naming_nothing_goes_to_a_service_when_the_topic_is_a_data_store()
    {
        var model = Read(
            "sync-worker copies rows into orders-db every hour",
            "orders-db has no encryption at rest",
            "orders-db is also read by the analytics team",
            "the containers run as root");

        Assert.Equal("sync-worker", FactOf(model, "container-runs-as-root")?.Subject);
        Assert.Equal("order-db", FactOf(model, "encryption-at-rest")?.Subject);
    }

    [Fact]
    public void A_store_fact_next_to_a_workload_word_stays_on_the_store()
    {
        var model = Read("the worker pods write to orders-db, which has no encryption at rest");

        Assert.Equal("order-db", FactOf(model, "encryption-at-rest")?.Subject);
    }

    [Fact]
    public void Not_really_answers_the_question_before_it()
    {
        var model = Read(
            "pkgmirror-api serves npm and PyPI to every CI runner",
            "can we tell who published what?",
            "not really, access logs are on the box in /var/log with a 7-day logrotate");

        var audit = FactOf(model, "audit-logging");
        Assert.Equal(FactState.Absent, audit?.State);
        Assert.Equal("thread.json#3", audit!.Evidence.Source);
        Assert.Contains("who published what", audit.Evidence.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can we tell who published what?", "yes, the audit log keeps the publisher and the version")]
    [InlineData("can we tell who published what?", "no idea, ask the infra team")]
    [InlineData("can't we tell who published what?", "no, not yet")]
    [InlineData("can we tell who published what? asking for the review", "not really")]
    public void Only_a_plain_no_to_a_yes_no_question_negates_it(string question, string answer)
    {
        var model = Read("pkgmirror-api serves npm to every CI runner", question, answer);

        Assert.NotEqual(FactState.Absent, FactOf(model, "audit-logging")?.State);
    }

    [Theory]
    [InlineData("do we sign the webhooks?", "we don't sign the webhooks")]
    [InlineData("can we tell who published what?", "we can't tell who published what")]
    [InlineData("is there any rate limiting?", "there isn't any rate limiting")]
    [InlineData("ok, and for exports, will the job retry?", "the job won't retry")]
    public void A_yes_no_question_turns_into_its_negative_statement(string question, string negative)
    {
        Assert.Equal(negative, TextExtractor.YesNoQuestion(question));
    }

    [Theory]
    [InlineData("ssh?")]
    [InlineData("how do clients connect?")]
    [InlineData("isn't there auth on it?")]
    public void Open_or_negative_questions_have_no_negative_statement(string question)
    {
        Assert.Null(TextExtractor.YesNoQuestion(question));
    }
}
