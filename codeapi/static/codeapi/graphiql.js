// The GraphiQL explorer, loaded from our own static files (no CDN, no inline script, so a
// strict Content-Security-Policy holds). Session users send the CSRF token; API-key users
// add an "Authorization: Bearer <key>" header in the headers tab.
(function () {
  "use strict";
  var EXAMPLE_QUERY = [
    "# CodeAPI GraphQL explorer. Run with Ctrl-Enter.",
    "{",
    '  code(system: "cpt", code: "97550") {',
    "    code",
    "    status",
    "    descriptors { short long }",
    "    mpfs { year status { code meaning } globalDays { code meaning } }",
    "    addOns { code { code } }",
    "    modifiers { code description }",
    "    history { date action notes }",
    "  }",
    "}",
    "",
  ].join("\n");

  var parameters = {};
  window.location.search
    .slice(1)
    .split("&")
    .forEach(function (entry) {
      var eq = entry.indexOf("=");
      if (eq >= 0) {
        parameters[decodeURIComponent(entry.slice(0, eq))] = decodeURIComponent(
          entry.slice(eq + 1).replace(/\+/g, " ")
        );
      }
    });

  function updateURL(data) {
    Object.assign(parameters, data);
    var search =
      "?" +
      Object.keys(parameters)
        .filter(function (key) {
          return Boolean(parameters[key]);
        })
        .map(function (key) {
          return encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]);
        })
        .join("&");
    history.replaceState(null, null, search);
  }

  var headers = {};
  var csrfToken = Cookies.get("csrftoken");
  if (csrfToken) {
    headers["X-CSRFToken"] = csrfToken;
  }
  var fetcher = GraphiQL.createFetcher({
    url: window.location.href.split("?")[0],
    headers: headers,
  });

  function Explorer() {
    var q = React.useState(parameters.q || EXAMPLE_QUERY);
    var v = React.useState(parameters.variables);
    var explorer = GraphiQLPluginExplorer.explorerPlugin();
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [explorer],
      query: q[0],
      variables: v[0],
      onEditQuery: function (value) {
        q[1](value);
        updateURL({ q: value });
      },
      onEditVariables: function (value) {
        v[1](value);
        updateURL({ variables: value });
      },
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(Explorer)
  );
})();
