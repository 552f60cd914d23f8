// Talks to griot serve's JSON API (docs/dashboard.md lists the endpoints).
// Errors come back as {"error": {"status", "message"}}; they are thrown as
// ApiError so the page can show the server's own message, which names the
// bad parameter.
export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.status = status;
    this.path = path;
  }
}

// GET path?params; empty parameters are left out so "all" means "no filter".
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new ApiError(0, `cannot reach the griot server (${e.message})`, url);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (response.ok) throw new ApiError(response.status, `${url}: the answer is not JSON`, url);
  }
  if (!response.ok) {
    const message = body && body.error && body.error.message
      ? body.error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, url);
  }
  return body;
}
