using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiSensitiveDataTests
{
    [Fact]
    public void Sensitive_fields_behind_refs_become_data_assets_held_by_the_service()
    {
        var model = Extract(SampleSpecs.Shop30Yaml, "orders.yaml");
        var serviceId = Assert.Single(model.Elements).Id;

        var email = model.Data("email");
        Assert.Equal(Classification.Confidential, email.Classification);
        Assert.Equal(["pii"], email.Tags);
        Assert.Equal([serviceId], email.HeldBy);
        Assert.Equal([new Evidence("orders.yaml", "Customer.email")], email.Evidence);
    }

    [Fact]
    public void Plain_name_is_personal_data_inside_a_person_schema()
    {
        Assert.Equal(Classification.Confidential, Extract(SampleSpecs.Shop30Yaml).Data("name").Classification);
    }

    [Fact]
    public void Flags_and_words_that_only_contain_a_sensitive_word_are_not_data_assets()
    {
        var names = Extract(SampleSpecs.Shop30Yaml).Data.Select(d => d.Name).ToList();

        Assert.Equal(["email", "name"], names);
    }

    [Fact]
    public void Fields_of_request_bodies_nested_objects_arrays_and_query_parameters_are_found()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: clinic-api, version: '1'}
            paths:
              /patients:
                get:
                  parameters:
                    - {name: dateOfBirth, in: query, schema: {type: string, format: date}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              type: object
                              properties:
                                visits:
                                  type: array
                                  items:
                                    allOf:
                                      - type: object
                                        properties:
                                          diagnosis: {type: string}
                                          clinic: {type: object, properties: {latitude: {type: number}}}
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            SSN: {type: string}
                  responses: {'201': {description: ok}}
            """;

        var model = Extract(spec);

        Assert.Equal((Classification.Confidential, "pii"), (model.Data("dateOfBirth").Classification, model.Data("dateOfBirth").Tags[0]));
        Assert.Equal((Classification.Restricted, "health"), (model.Data("diagnosis").Classification, model.Data("diagnosis").Tags[0]));
        Assert.Equal((Classification.Confidential, "location"), (model.Data("latitude").Classification, model.Data("latitude").Tags[0]));
        Assert.Equal((Classification.Restricted, "pii"), (model.Data("SSN").Classification, model.Data("SSN").Tags[0]));
        Assert.Equal("GET /patients visits.clinic.latitude", Assert.Single(model.Data("latitude").Evidence).Quote);
        Assert.Equal("POST /patients SSN", Assert.Single(model.Data("SSN").Evidence).Quote);
    }

    [Fact]
    public void Webhook_payload_fields_are_data_the_service_sends()
    {
        var phone = Extract(SampleSpecs.Events31Json).Data("author_phone");

        Assert.Equal(Classification.Confidential, phone.Classification);
        Assert.Equal("POST messagePosted author_phone", Assert.Single(phone.Evidence).Quote);
    }

    [Fact]
    public void Recursive_schemas_are_walked_once_without_looping()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: tree-svc, version: '1'}
            paths:
              /nodes:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Node'}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    owner_email: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    parent: {$ref: '#/components/schemas/Node'}
            """;

        var email = Extract(spec).Data("owner_email");

        Assert.Equal([new Evidence("openapi.yaml", "Node.owner_email")], email.Evidence);
    }
}
