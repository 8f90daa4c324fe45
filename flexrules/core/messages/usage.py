"""Entries for a command called wrongly (`UsageError`, exit 2) and output it cannot write
(`OutputError`): what the command line says before, or instead of, doing the work."""

from __future__ import annotations

_TEXT_OR_JSON_EN = "gives text or JSON"
_TEXT_OR_JSON_ID = "menghasilkan teks atau JSON"

ENTRIES: dict[str, dict[str, str]] = {
    # paths (cli.common)
    "usage.no_policy": {
        "en": "no policy file or folder at `{path}`",
        "id": "tidak ada berkas atau folder kebijakan di `{path}`",
    },
    "usage.policy_kind": {
        "en": "the policy `{path}` is {kind}, not a .rules file or a folder",
        "id": "kebijakan `{path}` adalah {kind}, bukan berkas .rules atau folder",
    },
    "usage.kind.fifo": {"en": "a named pipe (FIFO)", "id": "pipa bernama (FIFO)"},
    "usage.kind.device": {"en": "a device", "id": "perangkat"},
    "usage.kind.socket": {"en": "a socket", "id": "soket"},
    "usage.kind.other": {"en": "not a regular file", "id": "bukan berkas biasa"},
    "usage.stdin_once": {
        "en": "only one file can be read from standard input (`-`)",
        "id": "hanya satu berkas yang dapat dibaca dari masukan standar (`-`)",
    },
    "usage.no_file": {"en": "no file at `{path}`", "id": "tidak ada berkas di `{path}`"},
    "usage.no_file_or_folder": {
        "en": "no file or folder at `{path}`",
        "id": "tidak ada berkas atau folder di `{path}`",
    },
    "usage.folder": {
        "en": "`{path}` is a folder, not a file",
        "id": "`{path}` adalah folder, bukan berkas",
    },
    # formats and output (cli.options, cli.html, cli.reports)
    "usage.json_and_format": {
        "en": "--json asks for JSON and --format for {chosen}; give one",
        "id": "--json meminta JSON dan --format meminta {chosen}; berikan salah satu",
    },
    "usage.pieces_json": {
        "en": "--pieces goes with --format json",
        "id": "--pieces hanya dipakai bersama --format json",
    },
    "usage.summary_csv": {
        "en": "--summary " + _TEXT_OR_JSON_EN + "; --format csv is one row per violation",
        "id": "--summary " + _TEXT_OR_JSON_ID + "; --format csv berisi satu baris per pelanggaran",
    },
    "usage.why_not_csv": {
        "en": "--why-not " + _TEXT_OR_JSON_EN + "; --format csv is one row per decision",
        "id": "--why-not " + _TEXT_OR_JSON_ID + "; --format csv berisi satu baris per keputusan",
    },
    "usage.out_folder": {
        "en": "--out `{out}` is a folder, not a file",
        "id": "--out `{out}` adalah folder, bukan berkas",
    },
    "usage.out_no_folder": {
        "en": "--out `{out}`: no folder `{folder}` to write it in",
        "id": "--out `{out}`: tidak ada folder `{folder}` untuk menuliskannya",
    },
    "usage.xlsx_out": {
        "en": "--format xlsx writes a workbook: give --out FILE.xlsx",
        "id": "--format xlsx menulis buku kerja: berikan --out FILE.xlsx",
    },
    "usage.parquet_out": {
        "en": "--format parquet writes a file: give --out FILE",
        "id": "--format parquet menulis berkas: berikan --out FILE",
    },
    "usage.html_and_format": {
        "en": "--html writes HTML and --format asks for {chosen}; give one",
        "id": "--html menulis HTML dan --format meminta {chosen}; berikan salah satu",
    },
    "usage.html_and_out": {
        "en": "--html FILE is --format html --out FILE; give --html or --out",
        "id": "--html FILE sama dengan --format html --out FILE; berikan --html atau --out",
    },
    "usage.html_option": {
        "en": "{name} " + _TEXT_OR_JSON_EN + "; the HTML page is the whole report",
        "id": "{name} " + _TEXT_OR_JSON_ID + "; halaman HTML memuat seluruh laporan",
    },
    "usage.html_jinja": {
        "en": "HTML pages need Jinja2, which is not installed: {hint}",
        "id": "halaman HTML memerlukan Jinja2, yang belum terpasang: {hint}",
    },
    "usage.stdin_write": {
        "en": "--write cannot rewrite standard input (`-`)",
        "id": "--write tidak dapat menulis ulang masukan standar (`-`)",
    },
    "output.cannot_read": {
        "en": "cannot read `{file}`: {reason}",
        "id": "tidak dapat membaca `{file}`: {reason}",
    },
    "output.cannot_write": {
        "en": "cannot write `{out}`: {reason}",
        "id": "tidak dapat menulis `{out}`: {reason}",
    },
    # days (cli.options, cli.holidays, cli.show, cli.lint)
    "usage.period_backwards": {
        "en": "--period ends ({last}) before it starts ({first})",
        "id": "--period berakhir ({last}) sebelum dimulai ({first})",
    },
    "usage.horizon_backwards": {
        "en": "--horizon ends ({last}) before it starts ({first})",
        "id": "--horizon berakhir ({last}) sebelum dimulai ({first})",
    },
    "usage.holidays.both": {
        "en": "give --year, or --from and --to, not both",
        "id": "berikan --year, atau --from dan --to, jangan keduanya",
    },
    "usage.holidays.year": {
        "en": "--year {year} is outside 1950-2100, the years known here",
        "id": "--year {year} berada di luar 1950-2100, tahun yang dikenal di sini",
    },
    "usage.holidays.backwards": {
        "en": "--to ({last}) is before --from ({first})",
        "id": "--to ({last}) jatuh sebelum --from ({first})",
    },
    "usage.holidays.ten_years": {
        "en": "give at most ten years at a time",
        "id": "berikan paling banyak sepuluh tahun sekaligus",
    },
    "usage.show.year": {
        "en": "--year {year}: holidays are known for 1950 to 2100",
        "id": "--year {year}: hari libur dikenal untuk 1950 sampai 2100",
    },
    "usage.show.html_set": {
        "en": "--html shows one policy: give one version (a set is shown as text)",
        "id": "--html menampilkan satu kebijakan: berikan satu versi (himpunan versi ditampilkan "
        "sebagai teks)",
    },
    # the reading options (files.reading)
    "usage.reading.pair": {
        "en": "{what}: `{part}` is not NAME=VALUE",
        "id": "{what}: `{part}` bukan NAMA=NILAI",
    },
    "usage.reading.mapping": {
        "en": '{what} maps text to text, such as {{"NIP": "id"}}',
        "id": '{what} memetakan teks ke teks, seperti {{"NIP": "id"}}',
    },
    "usage.reading.separator": {
        "en": "the separator is `,`, `;` or `tab`, not `{value}`",
        "id": "pemisah adalah `,`, `;` atau `tab`, bukan `{value}`",
    },
    # Parquet in (cli.cluster)
    "usage.parquet.mixed": {
        "en": "give the employees, shifts and absences all as Parquet or all as text files "
        "(CSV, JSON, xlsx)",
        "id": "berikan pegawai, sif, dan ketidakhadiran semuanya sebagai Parquet atau semuanya "
        "sebagai berkas teks (CSV, JSON, xlsx)",
    },
    "usage.parquet.changes": {
        "en": "--changes goes with employees files (CSV, JSON, xlsx), not Parquet",
        "id": "--changes dipakai bersama berkas pegawai (CSV, JSON, xlsx), bukan Parquet",
    },
    "usage.columnar.extra": {
        "en": "decide_table and check_table need the columnar extra: "
        "pip install 'flexrules[columnar]' ({missing} is not installed)",
        "id": "decide_table dan check_table memerlukan tambahan columnar: "
        "pip install 'flexrules[columnar]' ({missing} belum terpasang)",
    },
    "usage.parquet.extra": {
        "en": "Parquet files need the columnar extra: pip install 'flexrules[columnar]'",
        "id": "berkas Parquet memerlukan tambahan columnar: pip install 'flexrules[columnar]'",
    },
    "usage.parquet.unreadable": {
        "en": "cannot read `{path}` as Parquet: {reason}",
        "id": "`{path}` tidak dapat dibaca sebagai Parquet: {reason}",
    },
    # a cluster (cli.cluster, cli.reports)
    "usage.cluster.workers": {
        "en": "--workers is a number of processes, at least 1, not {workers}",
        "id": "--workers adalah jumlah proses, paling sedikit 1, bukan {workers}",
    },
    "usage.cluster.formats": {
        "en": "--workers and --scheduler: the run gives the violations, one row each: add "
        "--format parquet, csv or json",
        "id": "--workers dan --scheduler: proses ini menghasilkan pelanggaran, satu baris "
        "masing-masing: tambahkan --format parquet, csv atau json",
    },
    "usage.parquet_in.formats": {
        "en": "a roster given as Parquet files: the run gives the violations, one row each: "
        "add --format parquet, csv or json",
        "id": "jadwal yang diberikan sebagai berkas Parquet: proses ini menghasilkan "
        "pelanggaran, satu baris masing-masing: tambahkan --format parquet, csv atau json",
    },
    "usage.cluster.extra": {
        "en": "--workers and --scheduler need the dask extra: pip install 'flexrules[dask]' "
        "({missing} missing)",
        "id": "--workers dan --scheduler memerlukan tambahan dask: pip install "
        "'flexrules[dask]' ({missing} belum terpasang)",
    },
    "usage.cluster.unreachable": {
        "en": "cannot reach the Dask scheduler at {address}: {reason}",
        "id": "penjadwal Dask di {address} tidak dapat dijangkau: {reason}",
    },
    "usage.reading.unused": {
        "en": "--columns maps {headers}, a header no file read has",
        "id": "--columns memetakan {headers}, judul yang tidak ada di berkas mana pun yang dibaca",
    },
    "usage.cluster.partitioned": {
        "en": "--partitioned goes with --workers or --scheduler and Parquet files",
        "id": "--partitioned dipakai bersama --workers atau --scheduler dan berkas Parquet",
    },
    "usage.cluster.unaligned": {
        "en": "--partitioned needs as many files in each Parquet folder (file i of each "
        "holding the same employees), not {counts}",
        "id": "--partitioned memerlukan jumlah berkas yang sama di setiap folder Parquet "
        "(berkas ke-i masing-masing memuat pegawai yang sama), bukan {counts}",
    },
    "usage.cluster.one_task": {
        "en": "a set of versions, or a policy with `effective from`, is checked whole in one "
        "task of the cluster: the same answers as without --workers, not faster",
        "id": "himpunan versi, atau kebijakan dengan `berlaku mulai`, diperiksa utuh dalam "
        "satu tugas klaster: jawabannya sama seperti tanpa --workers, tidak lebih cepat",
    },
    "usage.cluster.changes": {
        "en": "a cluster checks employees whose facts do not change: check a roster with "
        "changes (--changes, valid from rows) without --workers or --scheduler",
        "id": "klaster memeriksa pegawai yang faktanya tidak berubah: periksa jadwal yang "
        "memuat perubahan (--changes, baris valid from) tanpa --workers atau --scheduler",
    },
    # a day on the command line (cli.options.date_argument: --period, --from, --horizon)
    "argument.not_a_date": {
        "en": "`{value}` is not a date such as 2025-07-01",
        "id": "`{value}` bukan tanggal seperti 2025-07-01",
    },
    "argument.not_a_size": {
        "en": "`{value}` is not a size such as 50M, 200MiB, 1G or 4096 (bytes)",
        "id": "`{value}` bukan ukuran seperti 50M, 200MiB, 1G atau 4096 (bita)",
    },
}
