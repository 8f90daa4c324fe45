"""Entries for the decision service (`flexrules serve`): its error bodies, what `/ready` says,
and the lines the command prints when it starts and stops."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # error bodies (`{"error": {"code", "message", "field", "value"}}`)
    "service.not_json": {
        "en": "the request body {problem}",
        "id": "isi permintaan {problem}",
    },
    "service.not_text": {
        "en": "the request body is not UTF-8 text (byte {at})",
        "id": "isi permintaan bukan teks UTF-8 (byte {at})",
    },
    "service.not_finite": {
        "en": "the request body holds `{constant}`, which JSON does not allow; send null",
        "id": "isi permintaan memuat `{constant}`, yang tidak diizinkan JSON; kirim null",
    },
    "service.too_large": {
        "en": "the request body is over {limit} bytes; send fewer decisions per request",
        "id": "isi permintaan melebihi {limit} byte; kirim lebih sedikit keputusan per permintaan",
    },
    "service.too_many": {
        "en": "a batch holds at most {limit} requests, not {count}",
        "id": "satu kelompok memuat paling banyak {limit} permintaan, bukan {count}",
    },
    "service.too_many_keys": {
        "en": "`{field}` has {count} keys; at most {limit} are read",
        "id": "`{field}` memiliki {count} kunci; paling banyak {limit} yang dibaca",
    },
    "service.expected_object": {
        "en": "`{field}` must be a JSON object, not {kind}",
        "id": "`{field}` harus berupa objek JSON, bukan {kind}",
    },
    "service.expected_list": {
        "en": "`{field}` must be a JSON list, not {kind}",
        "id": "`{field}` harus berupa daftar JSON, bukan {kind}",
    },
    "service.missing": {
        "en": "`{field}` is missing",
        "id": "`{field}` tidak ada",
    },
    "service.unexpected": {
        "en": "`{field}` is not part of this request; it takes {known}",
        "id": "`{field}` bukan bagian dari permintaan ini; yang diterima: {known}",
    },
    "service.period": {
        "en": '`period` is a list of two dates, [FROM, TO], such as ["2025-07-01", "2025-07-31"]',
        "id": "`period` adalah daftar dua tanggal, [DARI, SAMPAI], misalnya "
        '["2025-07-01", "2025-07-31"]',
    },
    "service.flag": {
        "en": "the query parameter `{name}` is true or false, not `{value}`",
        "id": "parameter kueri `{name}` bernilai true atau false, bukan `{value}`",
    },
    "service.language": {
        "en": "the query parameter `lang` is {choices}, not `{value}`",
        "id": "parameter kueri `lang` bernilai {choices}, bukan `{value}`",
    },
    "service.why_not": {
        "en": "`why_not` is not available in this version of flexrules",
        "id": "`why_not` belum tersedia pada versi flexrules ini",
    },
    "service.unauthorized": {
        "en": "this server needs `Authorization: Bearer <token>`",
        "id": "server ini memerlukan `Authorization: Bearer <token>`",
    },
    "service.not_found": {
        "en": "no endpoint at `{path}`; see /openapi.json",
        "id": "tidak ada endpoint di `{path}`; lihat /openapi.json",
    },
    "service.method": {
        "en": "`{path}` does not take {method}",
        "id": "`{path}` tidak menerima {method}",
    },
    "service.log_failed": {
        "en": "the decision log cannot be written ({problem}); no decision is answered until "
        "it can",
        "id": "log keputusan tidak dapat ditulis ({problem}); tidak ada keputusan yang dijawab "
        "sampai log dapat ditulis",
    },
    "service.internal": {
        "en": "an internal error (a bug in flexrules); the server's log has the details",
        "id": "kesalahan internal (bug pada flexrules); rinciannya ada di log server",
    },
    # /ready
    "service.ready": {
        "en": "serving {name}{version} ({fingerprint})",
        "id": "melayani {name}{version} ({fingerprint})",
    },
    "service.version": {"en": " version {version}", "id": " versi {version}"},
    "service.stale": {
        "en": "the policy files changed at {time} and have {errors}; still serving the policy "
        "loaded at {loaded}",
        "id": "berkas kebijakan berubah pada {time} dan memiliki {errors}; masih melayani "
        "kebijakan yang dimuat pada {loaded}",
    },
    "service.unreadable": {
        "en": "the policy files changed at {time} and cannot be read ({problem}); still "
        "serving the policy loaded at {loaded}",
        "id": "berkas kebijakan berubah pada {time} dan tidak dapat dibaca ({problem}); masih "
        "melayani kebijakan yang dimuat pada {loaded}",
    },
    # flexrules serve
    "serve.listening": {
        "en": "flexrules: serving {name} ({fingerprint}) at {url}",
        "id": "flexrules: melayani {name} ({fingerprint}) di {url}",
    },
    "serve.reloaded": {
        "en": "flexrules: reloaded {name} ({fingerprint})",
        "id": "flexrules: memuat ulang {name} ({fingerprint})",
    },
    "serve.reload_failed": {
        "en": "flexrules: the changed policy has {errors}; still serving {fingerprint}",
        "id": "flexrules: kebijakan yang berubah memiliki {errors}; masih melayani {fingerprint}",
    },
    "serve.needs_extra": {
        "en": "error: `flexrules serve` needs the service extra: pip install 'flexrules[service]' "
        "({missing} is missing)",
        "id": "kesalahan: `flexrules serve` memerlukan tambahan service: pip install "
        "'flexrules[service]' ({missing} tidak ada)",
    },
    "serve.bad_secret": {
        "en": "error: {option} `{path}` {problem}",
        "id": "kesalahan: {option} `{path}` {problem}",
    },
    "serve.log_unwritable": {
        "en": "error: cannot write the decision log `{path}`: {problem}",
        "id": "kesalahan: log keputusan `{path}` tidak dapat ditulis: {problem}",
    },
    "serve.log_folder": {"en": "it is a folder", "id": "itu sebuah folder"},
    "serve.secret_empty": {"en": "is empty", "id": "kosong"},
    "serve.stopped": {
        "en": "flexrules: stopped; {count} logged",
        "id": "flexrules: berhenti; {count} dicatat",
    },
    "noun.decision.one": {"en": "{n} decision", "id": "{n} keputusan"},
    "noun.decision.other": {"en": "{n} decisions", "id": "{n} keputusan"},
}
