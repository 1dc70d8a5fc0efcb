namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

/// <summary>Small, realistic specs, one per OpenAPI flavour.</summary>
internal static class SampleSpecs
{
    public const string Shop30Yaml = """
        openapi: 3.0.3
        info:
          title: Acme orders-api
          version: 1.4.0
        servers:
          - url: http://api.acme.example/v1
          - url: https://api.acme.example/v1
          - url: http://localhost:8080
        security:
          - bearerAuth: []
        paths:
          /orders/{order_id}:
            get:
              operationId: getOrder
              parameters:
                - name: order_id
                  in: path
                  required: true
                  schema: {type: integer, format: int64}
              responses:
                '200':
                  description: The order
                  headers:
                    X-RateLimit-Remaining: {schema: {type: integer}}
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
          /health:
            get:
              security: []
              responses:
                '200': {description: ok}
          /internal/reindex:
            post:
              responses:
                '202': {description: queued}
          /documents:
            post:
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        file: {type: string, format: binary}
                        source_url: {type: string, format: uri}
              responses:
                '201': {description: stored}
        components:
          securitySchemes:
            bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
            unusedKey: {type: apiKey, in: query, name: api_key}
          schemas:
            Order:
              type: object
              properties:
                id: {type: integer}
                customer: {$ref: '#/components/schemas/Customer'}
                lines:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: {type: string}
                      tokenize: {type: boolean}
            Customer:
              type: object
              properties:
                name: {type: string}
                email: {type: string, format: email}
                email_verified: {type: boolean}
                referrer: {$ref: '#/components/schemas/Customer'}
        """;

    public const string Events31Json = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Tandem Events", "version": "2.0.0"},
          "servers": [{"url": "https://events.tandem.example"}],
          "paths": {
            "/subscriptions": {
              "post": {
                "operationId": "createSubscription",
                "summary": "Register a webhook subscription",
                "security": [{"oauth": ["events:write"]}],
                "requestBody": {"content": {"application/json": {"schema": {
                  "type": "object",
                  "properties": {"callbackUrl": {"type": "string"}, "events": {"type": "array", "items": {"type": "string"}}}
                }}}},
                "responses": {"201": {"description": "Created"}, "429": {"description": "Too many subscriptions"}}
              }
            }
          },
          "webhooks": {
            "messagePosted": {
              "post": {
                "requestBody": {"content": {"application/json": {"schema": {
                  "type": "object",
                  "properties": {"author_phone": {"type": ["string", "null"]}, "text": {"type": "string"}}
                }}}},
                "responses": {"200": {"description": "Received"}}
              }
            }
          },
          "components": {
            "securitySchemes": {
              "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://auth.tandem.example/token", "scopes": {"events:write": "write"}}}}
            }
          }
        }
        """;

    public const string Legacy20Json = """
        {
          "swagger": "2.0",
          "info": {"title": "Legacy Billing", "version": "1"},
          "host": "billing.legacy.example",
          "basePath": "/v1",
          "schemes": ["http"],
          "securityDefinitions": {
            "key": {"type": "apiKey", "in": "query", "name": "api_key"},
            "basic": {"type": "basic"}
          },
          "security": [{"key": []}],
          "paths": {
            "/invoices/{invoiceId}": {
              "get": {
                "parameters": [{"name": "invoiceId", "in": "path", "required": true, "type": "integer"}],
                "responses": {"200": {"description": "Invoice", "schema": {"$ref": "#/definitions/Invoice"}}}
              }
            },
            "/uploads": {
              "post": {
                "consumes": ["multipart/form-data"],
                "security": [{"basic": []}],
                "parameters": [{"name": "scan", "in": "formData", "type": "file"}],
                "responses": {"201": {"description": "Stored"}}
              }
            }
          },
          "definitions": {
            "Invoice": {"type": "object", "properties": {"iban": {"type": "string"}, "billing_address": {"type": "string"}}}
          }
        }
        """;
}
