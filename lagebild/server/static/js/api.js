// Talking to the JSON API of the same server.

/** Query string for a parameter object; arrays become repeated parameters. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value === true ? "true" : String(value));
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

/** GET a JSON endpoint; a 4xx/5xx answer becomes an Error with the API's message. */
export async function getJSON(path, params = {}) {
  const response = await fetch(path + queryString(params), {
    headers: { Accept: "application/json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : response.status + " " + response.statusText;
    const hint = body && body.hint ? " (" + body.hint + ")" : "";
    throw new Error(message + hint);
  }
  return body;
}
