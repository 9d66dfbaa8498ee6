# Verbatim's edge cache: Varnish 7 with the xkey vmod (Debian: varnish, varnish-modules).
#
#   readers → Varnish :6081 → nginx :8080 (deploy/nginx/verbatim.conf) → Verbatim servers :3001, :3002
#
# Public pages are cached until Verbatim says they changed: each public response carries `Surrogate-Key: <tags>`
# (lib/publishing/surrogate-keys.ts), and every publication, correction, unpublication or restore sends
#   PURGE /   with   Surrogate-Key: <tags that expired>
# to EDGE_PURGE_URL (set it to http://127.0.0.1:6081/ on every server). xkey forgets every object holding any of
# those keys at once. The desk, the staff API, sign-in and anything with a session cookie are never cached.
vcl 4.1;

import xkey;

backend nginx {
    .host = "127.0.0.1";
    .port = "8080";
}

# Only the Verbatim servers (on this machine or the private network) may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge."));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "Name the Surrogate-Key to purge."));
        }
        set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone + " objects."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A live transcript's readers (Server-Sent Events): each its own open stream, never cached or held back.
    if (req.url ~ "^/t/[^/]+/events(\?|$)") {
        return (pipe);
    }
    # Staff and anything signed in go straight through.
    if (req.url ~ "^/(desk|admin|signin|setup|invite|reset-password)(/|\?|$)" || req.url ~ "^/api/(?!public/|oembed)") {
        return (pass);
    }
    if (req.http.Cookie ~ "next-auth\.session-token") {
        return (pass);
    }
    # Public pages look the same to everyone: no cookie makes them differ.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        # xkey indexes the object under each key of this header.
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # Kept until purged; a day bounds any mistake. No grace: a purged page is never served again.
        set beresp.ttl = 1d;
        set beresp.grace = 0s;
        unset beresp.http.Set-Cookie;
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
    unset resp.http.xkey;
}
