// Renders /openapi.json with the bundled Swagger UI. "Try it out" sends the key signed in to the
// dashboard in this tab, if any (Authorize sets another); no validator or other site is called.
const ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  onComplete: () => {
    const key = sessionStorage.getItem('flowengine.apiKey');
    if (key) ui.preauthorizeApiKey('bearer', key);
  },
});
