// Calls the card-reading module on the workstation (loopback) straight from the browser, with the pairing token.
// The PIN is read from the password input here and sent to the module only: it never travels to the server.
const storageKey = "cpsSupport.cardReader";
const defaultUrl = "http://127.0.0.1:5090";

export function getPairing() {
    try {
        const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null");
        return { url: saved?.url || defaultUrl, token: saved?.token || "" };
    } catch {
        return { url: defaultUrl, token: "" };
    }
}

export function setPairing(url, token) {
    localStorage.setItem(storageKey, JSON.stringify({ url: (url || defaultUrl).replace(/\/+$/, ""), token: token || "" }));
}

// Every call answers { ok, status, body }: status 0 when the module cannot be reached at all.
async function call(method, path, payload) {
    const pairing = getPairing();
    if (!pairing.token) return { ok: false, status: -1, body: null };
    const headers = { "X-Pairing-Token": pairing.token };
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
        response = await fetch(pairing.url + path, {
            method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), cache: "no-store",
        });
    } catch {
        return { ok: false, status: 0, body: null };
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    return { ok: response.ok, status: response.status, body };
}

export const status = () => call("GET", "/status");
export const card = () => call("GET", "/card");
export const simulationCards = () => call("GET", "/simulation/cards");
export const simulationInsert = key => call("POST", "/simulation/insert/" + encodeURIComponent(key));
export const simulationRemove = () => call("POST", "/simulation/remove");

export async function sign(challenge, pinInput) {
    const pin = pinInput?.value ?? "";
    if (pinInput) pinInput.value = "";
    if (!pin) return { ok: false, status: 400, body: { title: "Code porteur manquant", detail: "Saisissez le code porteur de la carte." } };
    return await call("POST", "/sign", { challenge, pin });
}
