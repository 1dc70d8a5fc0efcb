using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Model;
using Xunit;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class SensitiveFieldLexiconTests
{
    private readonly SensitiveFieldLexicon lexicon = SensitiveFieldLexicon.Default;

    [Theory]
    [InlineData("password", Classification.Restricted, "credentials")]
    [InlineData("new_password", Classification.Restricted, "credentials")]
    [InlineData("clientSecret", Classification.Restricted, "credentials")]
    [InlineData("X-API-Key", Classification.Restricted, "credentials")]
    [InlineData("refresh_token", Classification.Restricted, "credentials")]
    [InlineData("private_key", Classification.Restricted, "keys")]
    [InlineData("cardNumber", Classification.Restricted, "payment-card")]
    [InlineData("card_number", Classification.Restricted, "payment-card")]
    [InlineData("CVV", Classification.Restricted, "payment-card")]
    [InlineData("pan", Classification.Restricted, "payment-card")]
    [InlineData("card", Classification.Restricted, "payment-card")]
    [InlineData("social_security_number", Classification.Restricted, "pii")]
    [InlineData("passportNumber", Classification.Restricted, "pii")]
    [InlineData("date_of_birth", Classification.Confidential, "pii")]
    [InlineData("dob", Classification.Confidential, "pii")]
    [InlineData("birthday", Classification.Confidential, "pii")]
    [InlineData("emails", Classification.Confidential, "pii")]
    [InlineData("phone", Classification.Confidential, "pii")]
    [InlineData("shipping_address", Classification.Confidential, "pii")]
    [InlineData("cardholder_name", Classification.Confidential, "pii")]
    [InlineData("lastName", Classification.Confidential, "pii")]
    [InlineData("heart_rate", Classification.Restricted, "health")]
    [InlineData("diagnosis", Classification.Restricted, "health")]
    [InlineData("lng", Classification.Confidential, "location")]
    [InlineData("gps_location", Classification.Confidential, "location")]
    public void Field_names_map_to_their_classification_and_tag(string name, Classification classification, string tag)
    {
        var field = lexicon.Match(name, type: "string");

        Assert.NotNull(field);
        Assert.Equal(classification, field.Classification);
        Assert.Contains(tag, field.Tags);
    }

    [Theory]
    [InlineData("tokenize")]
    [InlineData("card_brand")]
    [InlineData("card_last4")]
    [InlineData("last4")]
    [InlineData("token_type")]
    [InlineData("expires_in")]
    [InlineData("next_page_token")]
    [InlineData("address_id")]
    [InlineData("client_id")]
    [InlineData("status")]
    [InlineData("passwordless")]
    public void Words_inside_other_words_and_metadata_about_data_are_not_sensitive(string name)
    {
        Assert.Null(lexicon.Match(name, type: "string"));
    }

    [Fact]
    public void Boolean_flags_about_sensitive_data_are_not_sensitive()
    {
        Assert.Null(lexicon.Match("email", type: "boolean"));
        Assert.NotNull(lexicon.Match("email", type: "string"));
    }

    [Fact]
    public void An_object_named_card_is_not_a_card_number()
    {
        Assert.Null(lexicon.Match("card", type: "object"));
    }

    [Theory]
    [InlineData("User", true)]
    [InlineData("CustomerProfile", true)]
    [InlineData("Product", false)]
    [InlineData(null, false)]
    public void Plain_name_is_personal_data_only_inside_a_person_like_schema(string? owner, bool sensitive)
    {
        Assert.Equal(sensitive, lexicon.Match("name", owner, "string") is not null);
    }

    [Fact]
    public void Body_weight_is_health_data_about_a_person_but_parcel_weight_is_not()
    {
        Assert.Equal(Classification.Restricted, lexicon.Match("weight_kg", "UserProfile", "number")?.Classification);
        Assert.Null(lexicon.Match("weight_kg", "Parcel", "number"));
    }

    [Fact]
    public void A_tuned_lexicon_replaces_the_embedded_one()
    {
        var tuned = SensitiveFieldLexicon.Parse("""
            fields:
              - classification: internal
                tags: [telemetry]
                words: [device_serial]
            """);

        var field = tuned.Match("deviceSerial");
        Assert.Equal(Classification.Internal, field?.Classification);
        Assert.Equal(["telemetry"], field?.Tags);
        Assert.Null(tuned.Match("password"));
    }

    [Fact]
    public void Lexicon_entry_with_an_unknown_classification_is_rejected_with_its_position()
    {
        var error = Assert.Throws<InvalidDataException>(() => SensitiveFieldLexicon.Parse("""
            fields:
              - classification: secret
                words: [x]
            """));

        Assert.Contains("fields[0]", error.Message);
        Assert.Contains("'secret'", error.Message);
    }
}
