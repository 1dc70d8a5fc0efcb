using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiOperationFactsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: ops-svc, version: '1'}
        tags:
          - name: Admin tools
        paths:
          /v1/users/{userId}:
            get:
              parameters:
                - {name: userId, in: path, required: true, schema: {type: integer}}
              responses: {'200': {description: ok}}
          /v1/files/{file_uuid}:
            get:
              parameters:
                - {name: file_uuid, in: path, required: true, schema: {type: string, format: uuid}}
              responses: {'200': {description: ok}}
          /v1/pages/{page}:
            get:
              parameters:
                - {name: page, in: path, required: true, schema: {type: integer}}
              responses: {'200': {description: ok}}
          /v1/admin/flags:
            put:
              responses: {'204': {description: saved}}
          /actuator/env:
            get:
              responses: {'200': {description: ok}}
          /v1/reports:
            delete:
              tags: [Admin tools]
              responses: {'204': {description: gone}}
          /v1/avatars:
            put:
              requestBody:
                content:
                  image/png:
                    schema: {type: string, format: binary}
              responses: {'204': {description: stored}}
          /v1/imports:
            post:
              requestBody:
                content:
                  application/octet-stream: {}
              responses: {'202': {description: queued}}
          /v1/attachments:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        files: {type: array, items: {type: string, format: binary}}
              responses: {'201': {description: stored}}
          /hooks/stripe:
            post:
              responses: {'200': {description: ok}}
          /v1/events:
            post:
              operationId: receivePartnerCallback
              responses: {'200': {description: ok}}
          /v1/webhook-subscriptions:
            post:
              summary: Register a webhook endpoint
              responses: {'201': {description: ok}}
          /oauth/callback:
            get:
              responses: {'302': {description: back to app}}
          /v1/integrations:
            post:
              parameters:
                - {name: redirect_uri, in: query, schema: {type: string}}
                - {name: dry_run, in: query, schema: {type: boolean}}
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        issuer: {type: string}
                        avatar: {type: string, format: uri}
                        target: {type: object, properties: {webhookUrl: {type: string}}}
                        self_link: {type: string, format: uri, readOnly: true}
                        redirect_enabled: {type: boolean}
              callbacks:
                onSync:
                  '{$request.body#/target/webhookUrl}':
                    post:
                      responses: {'200': {description: ok}}
              responses:
                '201': {description: ok}
                '429':
                  description: slow down
        """;

    [Fact]
    public void Every_operation_is_stated_as_an_api_operation()
    {
        var operations = AllFacts(Spec).Facts("api-operation");

        Assert.Equal(14, operations.Count);
        Assert.All(operations, f => Assert.Equal((FactKind.Deployment, FactState.Present), (f.Kind, f.State)));
        Assert.Contains(operations, f => f.Detail == "GET /v1/users/{userId}" && f.Evidence.Quote == "GET /v1/users/{userId}");
    }

    [Fact]
    public void Admin_paths_and_admin_tags_are_admin_interfaces()
    {
        Assert.Equal(["PUT /v1/admin/flags", "GET /actuator/env", "DELETE /v1/reports"], AllFacts(Spec).Details("admin-interface"));
    }

    [Fact]
    public void Multipart_octet_stream_and_binary_bodies_are_file_uploads()
    {
        var uploads = AllFacts(Spec).Facts("file-upload");

        Assert.Equal(["PUT /v1/avatars", "POST /v1/imports", "POST /v1/attachments"], uploads.Select(f => f.Detail));
        Assert.Equal("POST /v1/attachments files: format: binary", uploads[2].Evidence.Quote);
    }

    [Fact]
    public void Webhook_and_callback_receivers_are_found_but_subscription_management_and_oauth_redirects_are_not()
    {
        Assert.Equal(["POST /hooks/stripe", "POST /v1/events"], AllFacts(Spec).Details("webhook-receiver"));
    }

    [Fact]
    public void Operation_callbacks_are_outbound_webhooks()
    {
        var outbound = Assert.Single(AllFacts(Spec).Facts("outbound-webhook"));

        Assert.Equal("POST {$request.body#/target/webhookUrl}", outbound.Detail);
        Assert.Equal("POST /v1/integrations callbacks: onSync", outbound.Evidence.Quote);
    }

    [Fact]
    public void Integer_object_id_in_the_path_is_a_sequential_id_but_uuids_and_page_numbers_are_not()
    {
        var fact = Assert.Single(Extract(Spec).Facts("sequential-id"));

        Assert.Equal("GET /v1/users/{userId}", fact.Detail);
        Assert.Equal((FactKind.Practice, FactState.Present), (fact.Kind, fact.State));
        Assert.Equal("GET /v1/users/{userId} userId: integer", fact.Evidence.Quote);
    }

    [Fact]
    public void Uri_fields_and_url_named_request_fields_are_user_supplied_urls()
    {
        Assert.Equal(
            ["POST /v1/integrations redirect_uri", "POST /v1/integrations issuer", "POST /v1/integrations avatar", "POST /v1/integrations webhookUrl"],
            Extract(Spec).Details("user-supplied-url"));
    }

    [Fact]
    public void Documented_429_response_states_rate_limiting()
    {
        var fact = Assert.Single(Extract(Spec).Facts("rate-limiting"));

        Assert.Equal((FactKind.Control, FactState.Present), (fact.Kind, fact.State));
        Assert.Equal("POST /v1/integrations 429", fact.Evidence.Quote);
    }

    [Fact]
    public void RateLimit_response_header_states_rate_limiting()
    {
        var fact = Assert.Single(Extract(SampleSpecs.Shop30Yaml).Facts("rate-limiting"));

        Assert.Equal("GET /orders/{order_id} X-RateLimit-Remaining", fact.Evidence.Quote);
    }

    [Fact]
    public void Spec_without_429_or_rate_limit_headers_states_nothing_about_rate_limiting()
    {
        Assert.Empty(Extract(SampleSpecs.Legacy20Json).Facts("rate-limiting"));
    }

    [Fact]
    public void Nullable_integer_id_in_an_openapi_3_1_path_is_a_sequential_id()
    {
        const string spec = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/invoices/{invoiceId}": {"get": {
               "parameters": [{"name": "invoiceId", "in": "path", "required": true, "schema": {"type": ["integer", "null"]}}],
               "responses": {"200": {"description": "ok"}}}}}}
            """;

        Assert.Equal(["GET /invoices/{invoiceId}"], Extract(spec, "invoices.json").Details("sequential-id"));
    }
}
