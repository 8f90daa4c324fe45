"""Entries for diagnostics: what `flexrules check` and `PolicyError` say about a policy, the
labels around it (`error[code]`, `= help:`) and the closing count (LANGUAGE-ID.md §6).

The English texts are the messages as they were before the catalog, byte for byte. Policy
text inside a message (a keyword, an example to write) is a `Code` value, so it stays in the
language of the file the diagnostic points into whatever language the prose is read in.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- the frame around every diagnostic ------------------------------------------------
    "diag.label.error": {"en": "error", "id": "kesalahan"},
    "diag.label.warning": {"en": "warning", "id": "peringatan"},
    "diag.label.help": {"en": "help", "id": "saran"},
    "diag.found": {"en": "{counts} found", "id": "{counts} ditemukan"},
    "diag.and": {"en": "{first} and {second}", "id": "{first} dan {second}"},
    "noun.warning.one": {"en": "{n} warning", "id": "{n} peringatan"},
    "noun.warning.other": {"en": "{n} warnings", "id": "{n} peringatan"},
    # ---- literals: times, dates, ranges, amounts (checks/literals.py) ---------------------
    "diag.bad_date.month": {
        "en": "`{date}` is not a date: there is no month {month}",
        "id": "`{date}` bukan tanggal: tidak ada bulan {month}",
    },
    "diag.bad_date.month.hint": {
        "en": "write dates as {code_date_forms}, with the month from 01 to 12",
        "id": "tulis tanggal sebagai {code_date_forms}, dengan bulan dari 01 sampai 12",
    },
    "diag.bad_date.year": {
        "en": "`{date}` is not a date: there is no year 0",
        "id": "`{date}` bukan tanggal: tidak ada tahun 0",
    },
    "diag.bad_date.year.hint": {
        "en": "write dates as {code_date_forms}",
        "id": "tulis tanggal sebagai {code_date_forms}",
    },
    "diag.bad_date.day": {
        "en": "`{date}` is not a date: {month} has {last} days",
        "id": "`{date}` bukan tanggal: {month} hanya {last} hari",
    },
    "diag.bad_date.day.hint": {
        "en": "the last day of {month} is {last_day}",
        "id": "hari terakhir {month} adalah {last_day}",
    },
    "diag.empty_range": {
        "en": "the dates `{start} {code_to} {end}` end before they start",
        "id": "tanggal `{start} {code_to} {end}` berakhir sebelum dimulai",
    },
    "diag.empty_range.hint": {
        "en": "write the earlier date first: `{swapped}`",
        "id": "tulis tanggal yang lebih awal dahulu: `{swapped}`",
    },
    "diag.bad_time.minutes": {
        "en": "`{time}` is not a time: an hour has minutes 00 to 59",
        "id": "`{time}` bukan waktu: satu jam terdiri atas menit 00 sampai 59",
    },
    "diag.bad_time.minutes.hint": {
        "en": "write times as {code_time_form}, from {code_midnight} to {code_day_end}",
        "id": "tulis waktu sebagai {code_time_form}, dari {code_midnight} sampai {code_day_end}",
    },
    "diag.bad_time.hours": {
        "en": "`{time}` is not a time: the day ends at 24:00",
        "id": "`{time}` bukan waktu: hari berakhir pukul 24.00",
    },
    "diag.bad_time.hours.hint": {
        "en": "write times from {code_midnight} to {code_day_end}; a span past midnight "
        "continues from {code_midnight} on the next day",
        "id": "tulis waktu dari {code_midnight} sampai {code_day_end}; rentang yang melewati "
        "tengah malam berlanjut dari {code_midnight} pada hari berikutnya",
    },
    "diag.bad_time.day_end": {
        "en": "`{code_day_end}` can only end a span",
        "id": "`{code_day_end}` hanya dapat mengakhiri rentang",
    },
    "diag.bad_time.day_end.hint": {
        "en": "start the span at `{code_midnight}`",
        "id": "mulailah rentang pada `{code_midnight}`",
    },
    "diag.except_holidays.no_spans": {
        "en": "the hours `{name}` have no spans before `{code_except_holidays}`",
        "id": "jam `{name}` tidak memiliki rentang sebelum `{code_except_holidays}`",
    },
    "diag.except_holidays.no_spans.hint": {
        "en": "list the spans first: `{code_hours_example}`",
        "id": "tuliskan rentangnya dahulu: `{code_hours_example}`",
    },
    "diag.except_holidays.twice": {
        "en": "`{code_except_holidays}` is written twice",
        "id": "`{code_except_holidays}` ditulis dua kali",
    },
    "diag.except_holidays.twice.hint": {"en": "remove one", "id": "hapus salah satunya"},
    "diag.except_holidays.last": {
        "en": "`{code_except_holidays}` must come last",
        "id": "`{code_except_holidays}` harus ditulis paling akhir",
    },
    "diag.except_holidays.last.hint": {
        "en": "move `{code_except_holidays}` to the end of the list",
        "id": "pindahkan `{code_except_holidays}` ke akhir daftar",
    },
    "diag.empty_span.hours": {
        "en": "the span `{span}` starts and ends at the same time",
        "id": "rentang `{span}` dimulai dan berakhir pada waktu yang sama",
    },
    "diag.empty_span.between": {
        "en": "`{span}` starts and ends at the same time",
        "id": "`{span}` dimulai dan berakhir pada waktu yang sama",
    },
    "diag.empty_span.hours.hint": {
        "en": "for the whole day write `{code_whole_day}`; a span past midnight ends at an "
        "earlier time than it starts, as in `{code_night}`",
        "id": "untuk sehari penuh tulis `{code_whole_day}`; rentang yang melewati tengah malam "
        "berakhir lebih awal daripada mulainya, seperti `{code_night}`",
    },
    "diag.empty_span.between.hint": {
        "en": "for the whole day write `{code_between_whole_day}`; a span past midnight ends "
        "at an earlier time than it starts, as in `{code_between_night}`",
        "id": "untuk sehari penuh tulis `{code_between_whole_day}`; rentang yang melewati "
        "tengah malam berakhir lebih awal daripada mulainya, seperti `{code_between_night}`",
    },
    "diag.empty_type": {"en": "`{name}` has no values", "id": "`{name}` tidak memiliki nilai"},
    "diag.empty_type.one_of.hint": {
        "en": "list its values: `{code_one_of_example}`",
        "id": "tuliskan nilai-nilainya: `{code_one_of_example}`",
    },
    "diag.empty_type.ranked.hint": {
        "en": "list its values: `{code_ranked_example}`",
        "id": "tuliskan nilai-nilainya: `{code_ranked_example}`",
    },
    "diag.repeated_value": {
        "en": "`{value}` is listed twice in `{name}`",
        "id": "`{value}` tercantum dua kali dalam `{name}`",
    },
    "diag.repeated_value.ranked.hint": {
        "en": "a ranked value has one place: remove one",
        "id": "nilai bertingkat hanya punya satu tempat: hapus salah satunya",
    },
    "diag.repeated_value.hint": {"en": "remove one", "id": "hapus salah satunya"},
    "diag.stray_value": {
        "en": "the value `{value}` belongs to no `{code_one_of}` type",
        "id": "nilai `{value}` bukan milik tipe `{code_one_of}` mana pun",
    },
    "diag.stray_value.after.hint": {
        "en": "`{name}` is not a `{code_one_of}` type; to give it these values write "
        "`{name}: {code_one_of} {listed}`",
        "id": "`{name}` bukan tipe `{code_one_of}`; untuk memberinya nilai-nilai ini tulis "
        "`{name}: {code_one_of} {listed}`",
    },
    "diag.stray_value.hint": {
        "en": "values belong after `{code_one_of}`: write `{code_one_of_declaration}`",
        "id": "nilai ditulis sesudah `{code_one_of}`: tulis `{code_one_of_declaration}`",
    },
    "diag.bad_percent": {
        "en": "a share of `{percent}%` is more than all of them",
        "id": "porsi `{percent}%` lebih dari seluruhnya",
    },
    "diag.bad_percent.hint": {
        "en": "a share is a percentage from 0 to 100",
        "id": "porsi adalah persentase dari 0 sampai 100",
    },
    "diag.bad_count": {
        "en": "`{count}` is not a head count: staffing needs a whole number of people, at least 1",
        "id": "`{count}` bukan jumlah orang: jumlah petugas harus bilangan bulat, paling sedikit 1",
    },
    "diag.bad_count.hint": {
        "en": "write a whole number such as `2`",
        "id": "tulis bilangan bulat seperti `2`",
    },
    "diag.bad_amount.zero": {
        "en": "a limit of `{amount}` {unit} is no limit",
        "id": "batas `{amount}` {unit} bukanlah batas",
    },
    "diag.bad_amount.zero_minimum.hint": {
        "en": "a minimum of 0 asks nothing: remove the rule or give a larger amount",
        "id": "batas paling sedikit 0 tidak meminta apa pun: hapus aturan itu atau beri "
        "jumlah yang lebih besar",
    },
    "diag.bad_amount.zero_maximum.hint": {
        "en": "to forbid it altogether, write `{code_must_not} {activity}` without a limit",
        "id": "untuk melarangnya sama sekali, tulis `{code_must_not} {activity}` tanpa batas",
    },
    "diag.bad_amount.whole": {
        "en": "days are counted whole, and `{amount}` is not a whole number",
        "id": "hari dihitung utuh, dan `{amount}` bukan bilangan bulat",
    },
    "diag.bad_amount.whole.hint": {
        "en": "write a whole number of days, or a limit in hours",
        "id": "tulis jumlah hari sebagai bilangan bulat, atau batas dalam jam",
    },
    # ---- shared words (checks/_util.py) ---------------------------------------------------
    "diag.place.line": {"en": "line {line}", "id": "baris {line}"},
    "diag.place.file": {"en": "{file}:{line}", "id": "{file}:{line}"},
    "diag.type.text": {"en": "text", "id": "teks"},
    "diag.type.number": {"en": "a number", "id": "angka"},
    "diag.type.date": {"en": "a date", "id": "tanggal"},
    "diag.type.bool": {"en": "a yes or no attribute", "id": "atribut ya atau tidak"},
    "diag.type.one_of": {"en": "one of a set of values", "id": "salah satu dari sekumpulan nilai"},
    "diag.type.ranked": {"en": "a ranked value", "id": "nilai bertingkat"},
    "diag.owner.employee": {"en": "an employee attribute", "id": "atribut pegawai"},
    "diag.owner.shift": {"en": "a shift attribute", "id": "atribut sif"},
    "diag.did_you_mean": {"en": "did you mean `{guess}`?", "id": "maksud Anda `{guess}`?"},
    "diag.did_you_mean.note": {
        "en": "did you mean `{guess}`?{note}",
        "id": "maksud Anda `{guess}`?{note}",
    },
    "diag.split": {
        "en": "`{known}` {what}; the words after it, `{rest}`, were read as part of the name",
        "id": "`{known}` {what}; kata sesudahnya, `{rest}`, terbaca sebagai bagian dari nama",
    },
    "diag.split.meant": {
        "en": "{said}: did you mean `{suggestion}`?",
        "id": "{said}: maksud Anda `{suggestion}`?",
    },
    "diag.split.keyword": {
        "en": "{said}, because `{keyword}` cannot follow it there",
        "id": "{said}, karena `{keyword}` tidak dapat mengikutinya di sana",
    },
    # ---- types (checks/types.py) ---------------------------------------------------------
    "diag.type_mismatch.in_each": {
        "en": "`{in_each}` splits employees by a text value, and `{name}` is {what}",
        "id": "`{in_each}` membagi pegawai menurut nilai teks, dan `{name}` berupa {what}",
    },
    "diag.type_mismatch.in_each.hint": {
        "en": "use a text or `{one_of}` attribute{example}",
        "id": "gunakan atribut teks atau `{one_of}`{example}",
    },
    "diag.such_as": {"en": " such as `{name}`", "id": " seperti `{name}`"},
    "diag.not_a_flag": {
        "en": "`{verb}` needs a yes or no attribute, and `{name}` is {what}",
        "id": "`{verb}` memerlukan atribut ya atau tidak, dan `{name}` berupa {what}",
    },
    "diag.compare_instead": {
        "en": "compare it instead: `{written}`",
        "id": "bandingkan saja: `{written}`",
    },
    "diag.kind.text": {"en": "the text `{value}`", "id": "teks `{value}`"},
    "diag.kind.number": {"en": "the number `{value}`", "id": "angka `{value}`"},
    "diag.kind.date": {"en": "the date `{value}`", "id": "tanggal `{value}`"},
    "diag.kind.time": {"en": "the time `{value}`", "id": "waktu `{value}`"},
    "diag.kind.bool": {"en": "`{value}`", "id": "`{value}`"},
    "diag.not_ordered": {
        "en": "`{name}` is {what}, which has no order, so `{op}` cannot compare it",
        "id": "`{name}` berupa {what}, yang tidak berurutan, sehingga `{op}` tidak dapat "
        "membandingkannya",
    },
    "diag.not_ordered.flag.hint": {
        "en": "test it with `{who_are}` or `{is_yes}` / `{is_no}`",
        "id": "ujilah dengan `{who_are}` atau `{is_yes}` / `{is_no}`",
    },
    "diag.not_ordered.one_of.hint": {
        "en": "use `{is_one_of} ...`, or declare it `{ranked_example}` to give its values an order",
        "id": "gunakan `{is_one_of} ...`, atau nyatakan sebagai `{ranked_example}` agar "
        "nilainya berurutan",
    },
    "diag.not_ordered.hint": {
        "en": "use `{is_}` or `{is_one_of}`, or declare it `{ranked}` to give its values an order",
        "id": "gunakan `{is_}` atau `{is_one_of}`, atau nyatakan sebagai `{ranked}` agar "
        "nilainya berurutan",
    },
    "diag.not_a_date": {
        "en": "`{name}` is {what}, not a date, so `{op}` cannot compare it",
        "id": "`{name}` berupa {what}, bukan tanggal, sehingga `{op}` tidak dapat membandingkannya",
    },
    "diag.not_a_date.ordered.hint": {
        "en": "`{op}` compares dates; for {what} write `{instead} ...`",
        "id": "`{op}` membandingkan tanggal; untuk {what} tulis `{instead} ...`",
    },
    "diag.not_a_date.hint": {
        "en": "`{op}` compares dates only",
        "id": "`{op}` hanya membandingkan tanggal",
    },
    "diag.not_a_date.ago": {
        "en": "`{name}` is {what}, not a date, so it cannot be compared with `{ago}`",
        "id": "`{name}` berupa {what}, bukan tanggal, sehingga tidak dapat dibandingkan "
        "dengan `{ago}`",
    },
    "diag.not_a_date.ago.hint": {
        "en": "drop `{ago}`, or compare a date attribute",
        "id": "hapus `{ago}`, atau bandingkan atribut tanggal",
    },
    "diag.bad_ago.op": {
        "en": "`{ago}` takes `{less_than}` or `{at_least}`, not `{op}`",
        "id": "`{ago}` memerlukan `{less_than}` atau `{at_least}`, bukan `{op}`",
    },
    "diag.bad_ago.op.hint": {
        "en": "`{less_than_ago}` means after that day; `{at_least_ago}` means on that day or "
        "before it",
        "id": "`{less_than_ago}` berarti sesudah hari itu; `{at_least_ago}` berarti pada hari "
        "itu atau sebelumnya",
    },
    "diag.bad_ago.at_most.hint": {
        "en": 'for "{written}" write `{at_least_ago}`',
        "id": 'untuk "{written}" tulis `{at_least_ago}`',
    },
    "diag.bad_ago.number": {
        "en": "`{ago}` counts a number of {units} back, and {value} is not a number",
        "id": "`{ago}` menghitung mundur sejumlah {units}, dan {value} bukan angka",
    },
    "diag.bad_ago.number.hint": {
        "en": "write a whole number, such as `{example}`",
        "id": "tulis bilangan bulat, seperti `{example}`",
    },
    "diag.bad_ago.whole": {
        "en": "`{ago}` counts whole {units}, and `{value}` is not a whole number",
        "id": "`{ago}` menghitung {units} utuh, dan `{value}` bukan bilangan bulat",
    },
    "diag.bad_ago.whole.hint": {
        "en": "write a whole number, such as `{whole}`, or a smaller unit",
        "id": "tulis bilangan bulat, seperti `{whole}`, atau satuan yang lebih kecil",
    },
    "diag.type_mismatch": {
        "en": "`{name}` is {what} and cannot be compared with {value}",
        "id": "`{name}` berupa {what} dan tidak dapat dibandingkan dengan {value}",
    },
    "diag.value_not_allowed": {
        "en": "`{value}` is not a value of `{name}`",
        "id": "`{value}` bukan nilai `{name}`",
    },
    "diag.value_not_allowed.hint": {
        "en": "the values of `{name}` are {listed}{more} ({place})",
        "id": "nilai `{name}` adalah {listed}{more} ({place})",
    },
    "diag.mismatch.quotes": {
        "en": "write the value in quotes: `{value}`",
        "id": "tulis nilainya dalam tanda petik: `{value}`",
    },
    "diag.mismatch.number": {
        "en": "write the number without quotes: `{value}`",
        "id": "tulis angka tanpa tanda petik: `{value}`",
    },
    "diag.mismatch.date": {
        "en": "write the date without quotes: `{value}`",
        "id": "tulis tanggal tanpa tanda petik: `{value}`",
    },
    "diag.mismatch.bool": {
        "en": "write `{value}` without quotes",
        "id": "tulis `{value}` tanpa tanda petik",
    },
    "diag.mismatch.a_number": {
        "en": "write a number, such as `9` or `{code_decimal}`",
        "id": "tulis angka, seperti `9` atau `{code_decimal}`",
    },
    "diag.mismatch.decimal_comma": {
        "en": "decimal numbers are written with a comma: `{value}`; a point between two "
        "numbers reads as a time",
        "id": "angka desimal ditulis dengan koma: `{value}`; titik di antara dua angka dibaca "
        "sebagai jam",
    },
    "diag.mismatch.relative_date": {
        "en": "for a date relative to the day decided write `{ago}`; otherwise write a date "
        "such as `{code_date_example}`",
        "id": "untuk tanggal yang relatif terhadap hari yang diputuskan tulis `{ago}`; selain "
        "itu tulis tanggal seperti `{code_date_example}`",
    },
    "diag.mismatch.a_date": {
        "en": "write a date as {code_date_forms}, such as `{code_date_example}`",
        "id": "tulis tanggal sebagai {code_date_forms}, seperti `{code_date_example}`",
    },
    "diag.mismatch.yes_no": {
        "en": "write `{is_yes}` or `{is_no}`, or test it with `{test}`",
        "id": "tulis `{is_yes}` atau `{is_no}`, atau ujilah dengan `{test}`",
    },
    "diag.empty_range.between": {
        "en": "`{comparison}` matches nothing: the lower value must come first",
        "id": "`{comparison}` tidak cocok dengan apa pun: nilai yang lebih kecil harus ditulis "
        "dahulu",
    },
    "diag.write": {"en": "write `{text}`", "id": "tulis `{text}`"},
    # ---- look-alikes (checks/lookalikes.py, lookalikes.py) --------------------------------
    "diag.letter_note": {
        "en": " (its `{letter}` is {code}{name})",
        "id": " (`{letter}` di situ adalah {code}{name})",
    },
    "diag.kind_of_name.employee_attribute": {"en": "employee attribute", "id": "atribut pegawai"},
    "diag.kind_of_name.shift_attribute": {"en": "shift attribute", "id": "atribut sif"},
    "diag.kind_of_name.group": {"en": "group", "id": "kelompok"},
    "diag.kind_of_name.hours": {"en": "hours or dates", "id": "jam atau tanggal"},
    "diag.kind_of_name.rule": {"en": "rule id", "id": "id aturan"},
    "diag.confusable_name": {
        "en": "the {kind} `{written}` looks like `{meant}` ({place}) but is another name",
        "id": "{kind} `{written}` tampak seperti `{meant}` ({place}) tetapi merupakan nama lain",
    },
    "diag.mixed_script.name": {
        "en": "the name `{written}` mixes {scripts} letters",
        "id": "nama `{written}` mencampur huruf {scripts}",
    },
    "diag.mixed_script.text": {
        "en": "the text `{written}` mixes {scripts} letters",
        "id": "teks `{written}` mencampur huruf {scripts}",
    },
    "diag.mixed_script.hint": {
        "en": "retype it in one script: a letter from another looks the same but is not",
        "id": "ketik ulang dalam satu aksara: huruf dari aksara lain tampak sama tetapi tidak sama",
    },
    # ---- names (checks/names.py) ---------------------------------------------------------
    "diag.unknown_group": {
        "en": "no group called `{name}`",
        "id": "tidak ada kelompok bernama `{name}`",
    },
    "diag.unknown_group.after_or.hint": {
        "en": "after `{or_}`, a group needs a whole subject: did you mean `{meant}`?",
        "id": "sesudah `{or_}`, kelompok memerlukan subjek yang utuh: maksud Anda `{meant}`?",
    },
    "diag.unknown_group.flag.hint": {
        "en": "`{name}` is a yes or no attribute: write `{written}`",
        "id": "`{name}` adalah atribut ya atau tidak: tulis `{written}`",
    },
    "diag.unknown_group.attribute.hint": {
        "en": "`{name}` is an employee attribute: write `{written}`",
        "id": "`{name}` adalah atribut pegawai: tulis `{written}`",
    },
    "diag.unknown_group.not_modal.hint": {
        "en": "`{not_modal}` means need not, not a prohibition, and `{not_}` was read as part "
        "of the group's name; to forbid write `{must_not}` or `{may_not}`",
        "id": "`{not_modal}` berarti tidak diharuskan, bukan larangan, dan `{not_}` terbaca "
        "sebagai bagian dari nama kelompok; untuk melarang tulis `{must_not}` atau `{may_not}`",
    },
    "diag.unknown_group.cannot.hint": {
        "en": "`{not_modal}` reads as cannot, and `{not_}` was read as part of the group's "
        "name; to forbid write `{must_not}` or `{may_not}`",
        "id": "`{not_modal}` terbaca sebagai tidak mampu, dan `{not_}` terbaca sebagai bagian "
        "dari nama kelompok; untuk melarang tulis `{must_not}` atau `{may_not}`",
    },
    "diag.is_a_group": {"en": "is a group", "id": "adalah kelompok"},
    "diag.is": {"en": "is {what}", "id": "adalah {what}"},
    "diag.names_hours": {"en": "names hours", "id": "menamai jam"},
    "diag.names_dates": {"en": "names dates", "id": "menamai tanggal"},
    "diag.declare_it": {"en": "declare it: {example}", "id": "nyatakan: {example}"},
    "diag.quoted": {"en": "`{code}`", "id": "`{code}`"},
    "diag.either": {"en": "`{first}` or `{second}`", "id": "`{first}` atau `{second}`"},
    "diag.shift_in_subject.hint": {
        "en": "a subject cannot test the shift; add a condition: `{condition}`",
        "id": "subjek tidak dapat menguji sif; tambahkan syarat: `{condition}`",
    },
    "diag.wrong_owner": {
        "en": "`{name}` is {owner}, not {other}",
        "id": "`{name}` adalah {owner}, bukan {other}",
    },
    "diag.unknown_attribute.employee": {
        "en": "no employee attribute called `{name}`",
        "id": "tidak ada atribut pegawai bernama `{name}`",
    },
    "diag.unknown_attribute.shift": {
        "en": "no shift attribute called `{name}`",
        "id": "tidak ada atribut sif bernama `{name}`",
    },
    "diag.unknown_attribute.nya.hint": {
        "en": "`{word}` is read as `{stem}` + the suffix -nya; for the attribute `{name}` write "
        "`` {quoted} ``",
        "id": "`{word}` dibaca sebagai `{stem}` + akhiran -nya; untuk atribut `{name}` tulis "
        "`` {quoted} ``",
    },
    "diag.unknown_attribute.with_nya.hint": {
        "en": "after `{with_}` write the name without -nya: `{written}`",
        "id": "sesudah `{with_}` tulis nama tanpa -nya: `{written}`",
    },
    "diag.unknown_attribute.in_each": {
        "en": "`{name}` is a shift attribute; `{in_each}` splits employees",
        "id": "`{name}` adalah atribut sif; `{in_each}` membagi pegawai",
    },
    "diag.unknown_attribute.in_each.hint": {
        "en": "use an employee attribute{example}",
        "id": "gunakan atribut pegawai{example}",
    },
    "diag.not_hours": {
        "en": "`{name}` is a set of dates; `{work_within}` needs hours",
        "id": "`{name}` adalah himpunan tanggal; `{work_within}` memerlukan jam",
    },
    "diag.not_hours.hint": {
        "en": "write `{during}` after `{work_within_hours}`, or declare hours: `{declare}`",
        "id": "tulis `{during}` sesudah `{work_within_hours}`, atau nyatakan jam: `{declare}`",
    },
    "diag.unknown_hours.hours": {
        "en": "no hours called `{name}`",
        "id": "tidak ada jam bernama `{name}`",
    },
    "diag.unknown_hours": {
        "en": "no hours or dates called `{name}`",
        "id": "tidak ada jam atau tanggal bernama `{name}`",
    },
    "diag.unknown_hours.day_set.hint": {
        "en": "`{name}` is a set of days: write `{on}` (`{during}` and `{outside}` take declared "
        "hours or dates)",
        "id": "`{name}` adalah himpunan hari: tulis `{on}` (`{during}` dan `{outside}` memerlukan "
        "jam atau tanggal yang dinyatakan)",
    },
    "diag.duplicate_group": {
        "en": "the group `{name}` is declared twice",
        "id": "kelompok `{name}` dinyatakan dua kali",
    },
    "diag.duplicate.first_at.hint": {
        "en": "the first is at {place}{detail}; remove one or rename it",
        "id": "yang pertama ada di {place}{detail}; hapus salah satunya atau ganti namanya",
    },
    "diag.duplicate.as_type": {"en": " as {what}", "id": " sebagai {what}"},
    "diag.duplicate_rule": {
        "en": "the rule id `{id}` is used twice",
        "id": "id aturan `{id}` dipakai dua kali",
    },
    "diag.duplicate_rule.hint": {
        "en": "the first{written} is at {place}; rule ids must differ, whatever their case",
        "id": "yang pertama{written} ada di {place}; id aturan harus berbeda, tanpa memandang "
        "huruf besar-kecil",
    },
    "diag.as_written": {"en": " (as `{first}`)", "id": " (sebagai `{first}`)"},
    "diag.duplicate_attribute.employee": {
        "en": "the employee attribute `{name}` is declared twice",
        "id": "atribut pegawai `{name}` dinyatakan dua kali",
    },
    "diag.duplicate_attribute.shift": {
        "en": "the shift attribute `{name}` is declared twice",
        "id": "atribut sif `{name}` dinyatakan dua kali",
    },
    "diag.duplicate_hours": {
        "en": "the hours `{name}` are declared twice",
        "id": "jam `{name}` dinyatakan dua kali",
    },
    "diag.duplicate_dates": {
        "en": "the dates `{name}` are declared twice",
        "id": "tanggal `{name}` dinyatakan dua kali",
    },
    "diag.duplicate_span.hint": {
        "en": "the first are at {place}; remove one or rename it",
        "id": "yang pertama ada di {place}; hapus salah satunya atau ganti namanya",
    },
    "diag.already_names_hours": {
        "en": "`{name}` already names hours",
        "id": "`{name}` sudah menamai jam",
    },
    "diag.already_names_dates": {
        "en": "`{name}` already names dates",
        "id": "`{name}` sudah menamai tanggal",
    },
    "diag.already_names_hours.hint": {
        "en": "the hours are at {place}; `{during}` could mean either, so rename one",
        "id": "jam itu ada di {place}; `{during}` dapat berarti keduanya, jadi ganti salah "
        "satu namanya",
    },
    "diag.already_names_dates.hint": {
        "en": "the dates are at {place}; `{during}` could mean either, so rename one",
        "id": "tanggal itu ada di {place}; `{during}` dapat berarti keduanya, jadi ganti salah "
        "satu namanya",
    },
    # ---- usage (checks/usage.py) ---------------------------------------------------------
    "diag.unused.employee_attribute": {
        "en": "the employee attribute `{name}` is never used",
        "id": "atribut pegawai `{name}` tidak pernah dipakai",
    },
    "diag.unused.shift_attribute": {
        "en": "the shift attribute `{name}` is never used",
        "id": "atribut sif `{name}` tidak pernah dipakai",
    },
    "diag.unused.attribute.hint": {
        "en": "no rule tests it, nor any group a rule uses; remove it or use it",
        "id": "tidak ada aturan yang mengujinya, begitu pula kelompok yang dipakai aturan; "
        "hapus atau pakailah",
    },
    "diag.unused.group": {
        "en": "the group `{name}` is never used",
        "id": "kelompok `{name}` tidak pernah dipakai",
    },
    "diag.unused.group.only_unused.hint": {
        "en": "only unused groups refer to it (`{group}`); remove it or use it in a rule",
        "id": "hanya kelompok yang tidak dipakai yang merujuknya (`{group}`); hapus atau "
        "pakailah dalam aturan",
    },
    "diag.unused.group.hint": {
        "en": "no rule refers to it; remove it or use it in a rule",
        "id": "tidak ada aturan yang merujuknya; hapus atau pakailah dalam aturan",
    },
    "diag.unused.hours": {
        "en": "the hours `{name}` are never used",
        "id": "jam `{name}` tidak pernah dipakai",
    },
    "diag.unused.dates": {
        "en": "the dates `{name}` are never used",
        "id": "tanggal `{name}` tidak pernah dipakai",
    },
    "diag.unused.span.hint": {
        "en": "no rule names them (`{during}`); remove them or use them in a rule",
        "id": "tidak ada aturan yang menyebutnya (`{during}`); hapus atau pakailah dalam aturan",
    },
    # ---- the header and the calendar (checks/header.py) -----------------------------------
    "diag.duplicate_header": {
        "en": "a policy has one header, and this is a second",
        "id": "kebijakan hanya memiliki satu kepala, dan ini yang kedua",
    },
    "diag.duplicate_header.hint": {
        "en": "the header is at {place}; merge the two into one",
        "id": "kepala kebijakan ada di {place}; gabungkan keduanya menjadi satu",
    },
    "diag.duplicate_clause": {
        "en": "`{word}` is given twice in the header",
        "id": "`{word}` ditulis dua kali di kepala kebijakan",
    },
    "diag.duplicate_clause.hint": {
        "en": "keep one: the first is `{first}`",
        "id": "pertahankan satu: yang pertama adalah `{first}`",
    },
    "diag.unknown_timezone": {
        "en": "there is no time zone `{zone}`",
        "id": "tidak ada zona waktu `{zone}`",
    },
    "diag.unknown_timezone.hint": {
        "en": "use an IANA name such as `Asia/Jakarta`, or `WIB`, `WITA` or `WIT`",
        "id": "gunakan nama IANA seperti `Asia/Jakarta`, atau `WIB`, `WITA`, atau `WIT`",
    },
    "diag.duplicate_working_days": {
        "en": "`{working_days}` are declared twice",
        "id": "`{working_days}` dinyatakan dua kali",
    },
    "diag.keep_one.hint": {
        "en": "the first are at {place}; keep one",
        "id": "yang pertama ada di {place}; pertahankan satu",
    },
    "diag.duplicate_holiday": {
        "en": "`{date}` is already a holiday",
        "id": "`{date}` sudah menjadi hari libur",
    },
    "diag.removed_twice": {
        "en": "`{date}` is already removed",
        "id": "`{date}` sudah dikecualikan",
    },
    "diag.removed_added": {
        "en": "`{date}` is added as a holiday and removed by `{code_except}`; the removal wins",
        "id": "`{date}` ditambahkan sebagai hari libur dan dihapus dengan `{code_except}`; "
        "penghapusan yang berlaku",
    },
    "diag.removed_added.hint": {
        "en": "it is added at {place}; keep one of the two",
        "id": "tanggal ini ditambahkan di {place}; pertahankan salah satunya",
    },
    "diag.removed_not_holiday": {
        "en": "`{code_except} {date}` removes a date that is not one of the declared holidays",
        "id": "`{code_except} {date}` menghapus tanggal yang bukan hari libur yang dinyatakan",
    },
    "diag.removed_not_holiday.near": {
        "en": "the nearest declared holiday is {near}; check the date in the decree",
        "id": "hari libur terdekat yang dinyatakan adalah {near}; periksa tanggal pada "
        "keputusannya",
    },
    "diag.removed_not_holiday.hint": {
        "en": "check the date in the decree, or remove it from `{code_except}`",
        "id": "periksa tanggal pada keputusannya, atau hapus dari `{code_except}`",
    },
    "diag.empty_absence_kind": {
        "en": "a kind of absence needs a name",
        "id": "jenis ketidakhadiran perlu nama",
    },
    "diag.empty_absence_kind.hint": {
        "en": "name it as the agency does, e.g. {code_absence_kind_example}",
        "id": "namai seperti yang dipakai instansi, misalnya {code_absence_kind_example}",
    },
    "diag.duplicate_absence_kind": {
        "en": '"{kind}" is already a kind of absence',
        "id": '"{kind}" sudah menjadi jenis ketidakhadiran',
    },
    "diag.listed_at.hint": {
        "en": "it is listed at {place}; remove one",
        "id": "sudah tercantum di {place}; hapus salah satunya",
    },
    "diag.listed_twice": {
        "en": "`{written}` is listed twice",
        "id": "`{written}` tercantum dua kali",
    },
    "diag.national_then_joint.hint": {
        "en": "it already lists `{national}` at {place}; keep only `{with_joint}`",
        "id": "`{national}` sudah tercantum di {place}; pertahankan hanya `{with_joint}`",
    },
    "diag.joint_then_national.hint": {
        "en": "`{with_joint}` at {place} already includes them; remove this",
        "id": "`{with_joint}` di {place} sudah mencakupnya; hapus yang ini",
    },
    "diag.no_holidays": {
        "en": "`{written}` has no effect: the policy declares no holidays",
        "id": "`{written}` tidak berpengaruh: kebijakan ini tidak menyatakan hari libur",
    },
    "diag.no_holidays.hint": {
        "en": "declare them, e.g. `{code_holidays_national}` for the national public holidays "
        "(`{code_public_holidays}` and `{code_joint_holidays}` name the national lists "
        "without it)",
        "id": "nyatakan, misalnya `{code_holidays_national}` untuk hari libur nasional "
        "(`{code_public_holidays}` dan `{code_joint_holidays}` menyebut daftar nasional "
        "tanpa itu)",
    },
    "diag.bad_working_days": {
        "en": "`{days}` cannot define the working days",
        "id": "`{days}` tidak dapat menentukan hari kerja",
    },
    "diag.bad_working_days.every_day.hint": {
        "en": "write `{code_monday_to_sunday}`",
        "id": "tulis `{code_monday_to_sunday}`",
    },
    "diag.bad_working_days.hint": {
        "en": "name days of the week: `{code_monday_to_friday}`, `{code_weekdays}` or "
        "`{code_weekends}`",
        "id": "sebutkan hari dalam seminggu: `{code_monday_to_friday}`, `{code_weekdays}`, atau "
        "`{code_weekends}`",
    },
    # ---- keys the engine reads itself (checks/engine_keys.py) ----------------------------
    "diag.engine_key": {
        "en": "an employee attribute cannot be called `{name}`: flexrules reads that key of an "
        "employee itself",
        "id": "atribut pegawai tidak dapat bernama `{name}`: flexrules membaca sendiri kunci "
        "pegawai itu",
    },
    "diag.engine_key.hint": {
        "en": "rename the attribute: `id`, `name`, `timezone` and `changes` are an employee's "
        "own keys",
        "id": "ganti nama atribut itu: `id`, `name`, `timezone`, dan `changes` adalah kunci "
        "milik pegawai sendiri",
    },
    # ---- reserved words (checks/reserved.py) ---------------------------------------------
    "diag.reserved_word.built_in": {
        "en": "a group called `{name}` cannot be used: `{key}` means all employees",
        "id": "kelompok bernama `{name}` tidak dapat dipakai: `{key}` berarti semua pegawai",
    },
    "diag.reserved_word.built_in.hint": {"en": "rename the group", "id": "ganti nama kelompok itu"},
    "diag.reserved_word": {
        "en": "the {label} name `{name}` cannot be written as is in a rule",
        "id": "{label} `{name}` tidak dapat ditulis apa adanya dalam aturan",
    },
    "diag.reserved_word.hint": {
        "en": "`{word}`{where} is read as a keyword there: rename it, or write the name in "
        "backquotes (`` `{name}` ``) where it is used",
        "id": "`{word}`{where} dibaca sebagai kata kunci di sana: ganti namanya, atau tulis nama "
        "itu dalam tanda petik terbalik (`` `{name}` ``) di tempat pemakaiannya",
    },
    "diag.at_its_start": {"en": " at its start", "id": " di awalnya"},
    "diag.label.group": {"en": "group", "id": "nama kelompok"},
    "diag.label.employee_attribute": {"en": "employee attribute", "id": "nama atribut pegawai"},
    "diag.label.shift_attribute": {"en": "shift attribute", "id": "nama atribut sif"},
    "diag.label.hours": {"en": "hours", "id": "nama jam"},
    "diag.label.dates": {"en": "dates", "id": "nama tanggal"},
    # ---- statements (checks/statements.py) -----------------------------------------------
    "diag.inert_rule": {
        "en": "rule `{id}` changes no decision and no check: `{must_work}` with no time and no "
        "place asks nothing",
        "id": "aturan `{id}` tidak mengubah keputusan ataupun pemeriksaan apa pun: `{must_work}` "
        "tanpa waktu dan tanpa tempat tidak meminta apa-apa",
    },
    "diag.inert_rule.hint": {
        "en": "give it a time for core hours (`{code_core_hours_example}`) or a place "
        "(`{code_must_be_on_site}`)",
        "id": "beri waktu untuk jam inti (`{code_core_hours_example}`) atau tempat "
        "(`{code_must_be_on_site}`)",
    },
    "diag.limit_time.hours": {
        "en": "`{name}` are hours; a limit counts whole days",
        "id": "`{name}` adalah jam; batas menghitung hari utuh",
    },
    "diag.limit_time.on_days": {
        "en": "a limit cannot take `{code_on_days}`; it counts whole days of its period",
        "id": "batas tidak dapat memakai `{code_on_days}`; batas menghitung hari utuh dalam "
        "periodenya",
    },
    "diag.limit_time.between": {
        "en": "a limit cannot take `{code_between_word}` times; it counts whole days",
        "id": "batas tidak dapat memakai waktu `{code_between_word}`; batas menghitung hari utuh",
    },
    "diag.limit_time.days.hint": {
        "en": "use `{code_per_working_day}`, `{code_working_days}`, a dates name "
        "(`{code_during_ramadan}`) or `{code_from_date}`/`{code_until_date}`",
        "id": "gunakan `{code_per_working_day}`, `{code_working_days}`, nama tanggal "
        "(`{code_during_ramadan}`), atau `{code_from_date}`/`{code_until_date}`",
    },
    "diag.limit_time.hours.hint": {
        "en": "limit it to dates with `{code_during_dates}` or `{code_from_date}`/"
        "`{code_until_date}`",
        "id": "batasi pada tanggal dengan `{code_during_dates}` atau `{code_from_date}`/"
        "`{code_until_date}`",
    },
    # ---- statement forms (statement_forms.py) --------------------------------------------
    "diag.form.share.may": {
        "en": "a share (`{code_share}`) takes `{code_may}`",
        "id": "porsi (`{code_share}`) memerlukan `{code_may}`",
    },
    "diag.form.share.may.hint": {
        "en": "write `{code_share_form}`",
        "id": "tulis `{code_share_form}`",
    },
    "diag.form.share.limit": {
        "en": "a share cannot also carry a limit",
        "id": "porsi tidak dapat sekaligus memuat batas",
    },
    "diag.form.share.per_day": {
        "en": "a share is counted `{code_per_day}`",
        "id": "porsi dihitung `{code_per_day}`",
    },
    "diag.form.share.per_day.hint": {
        "en": "end the share with `{code_per_day}`",
        "id": "akhiri porsi dengan `{code_per_day}`",
    },
    "diag.form.share.time": {
        "en": "a share takes no time",
        "id": "porsi tidak memakai waktu",
    },
    "diag.form.share.condition": {
        "en": "a share takes no condition",
        "id": "porsi tidak memakai syarat",
    },
    "diag.form.share.within": {
        "en": "a share cannot use `{code_work_within}`",
        "id": "porsi tidak dapat memakai `{code_work_within}`",
    },
    "diag.form.staffing.must": {
        "en": "staffing (`{code_staffing}`) takes `{code_must}`",
        "id": "jumlah petugas (`{code_staffing}`) memerlukan `{code_must}`",
    },
    "diag.form.staffing.must.hint": {
        "en": "write `{code_staffing_form}`",
        "id": "tulis `{code_staffing_form}`",
    },
    "diag.form.staffing.limit": {
        "en": "staffing cannot also carry a limit or a period",
        "id": "jumlah petugas tidak dapat sekaligus memuat batas atau periode",
    },
    "diag.form.staffing.within": {
        "en": "staffing cannot use `{code_work_within}`",
        "id": "jumlah petugas tidak dapat memakai `{code_work_within}`",
    },
    "diag.form.within.must": {
        "en": "`{code_work_within}` takes `{code_must}`, not `{modal}`",
        "id": "`{code_work_within}` memerlukan `{code_must}`, bukan `{modal}`",
    },
    "diag.form.within.must.hint": {
        "en": "write `{code_within_form}`",
        "id": "tulis `{code_within_form}`",
    },
    "diag.form.within.limit": {
        "en": "`{code_work_within}` cannot carry a limit",
        "id": "`{code_work_within}` tidak dapat memuat batas",
    },
    "diag.form.start.must": {
        "en": "`{code_start_work}` takes `{code_must}`, not `{modal}`",
        "id": "`{code_start_work}` memerlukan `{code_must}`, bukan `{modal}`",
    },
    "diag.form.start.hint": {
        "en": "write `{code_start_form}`",
        "id": "tulis `{code_start_form}`",
    },
    "diag.form.start.limit": {
        "en": "a start window cannot carry a limit",
        "id": "rentang waktu mulai kerja tidak dapat memuat batas",
    },
    "diag.form.start.one": {
        "en": "a start window takes one `{code_start_between}`",
        "id": "rentang waktu mulai kerja memerlukan satu `{code_start_between}`",
    },
    "diag.form.start.order": {
        "en": "a start window ends after it starts, on the same day",
        "id": "rentang waktu mulai kerja berakhir sesudah dimulai, pada hari yang sama",
    },
    "diag.form.start.order.hint": {
        "en": "write `{code_start_example}`",
        "id": "tulis `{code_start_example}`",
    },
    "diag.form.per_period": {
        "en": "`{code_per_period}` needs a limit before it",
        "id": "`{code_per_period}` memerlukan batas sebelumnya",
    },
    "diag.form.per_period.hint": {
        "en": "write `{code_limit_example}` or `{code_hours_limit_example}`",
        "id": "tulis `{code_limit_example}` atau `{code_hours_limit_example}`",
    },
    "diag.form.per_period.every_day.hint": {
        "en": "here `{written}` means `{meant}`; for 'on every day' write `{on_every}`",
        "id": "di sini `{written}` berarti `{meant}`; untuk 'pada setiap hari' tulis `{on_every}`",
    },
    "diag.form.may_limit": {
        "en": "`{code_may}` never takes a limit",
        "id": "`{code_may}` tidak pernah memuat batas",
    },
    "diag.form.may_limit.hint": {
        "en": "use `{code_must_not_more}` or `{code_must_at_least}`",
        "id": "gunakan `{code_must_not_more}` atau `{code_must_at_least}`",
    },
    "diag.form.period": {
        "en": "a limit needs a period",
        "id": "batas memerlukan periode",
    },
    "diag.form.period.hint": {
        "en": "add `{code_per_day}`, `{code_per_working_day}`, `{code_per_week}` or "
        "`{code_per_month}`",
        "id": "tambahkan `{code_per_day}`, `{code_per_working_day}`, `{code_per_week}`, atau "
        "`{code_per_month}`",
    },
    "diag.form.hour_limit": {
        "en": "an hour limit counts all work: write `{code_work}`, not `{activity}`",
        "id": "batas jam menghitung semua kerja: tulis `{code_work}`, bukan `{activity}`",
    },
    "diag.form.must_not": {
        "en": "`{code_must_not}` takes `{code_more_than}`",
        "id": "`{code_must_not}` memerlukan `{code_more_than}`",
    },
    "diag.form.must_not.hint": {
        "en": "write `{written}`",
        "id": "tulis `{written}`",
    },
    "diag.form.must": {
        "en": "`{code_must}` takes `{code_at_least}`",
        "id": "`{code_must}` memerlukan `{code_at_least}`",
    },
    # ---- reading files (sources.py, characters.py) ---------------------------------------
    "diag.too_large.hint": {
        "en": "write rules for groups (`{code_whose_unit}`) rather than one rule per unit or "
        "person",
        "id": "tulis aturan untuk kelompok (`{code_whose_unit}`), bukan satu aturan per unit "
        "atau orang",
    },
    "diag.file_too_large": {
        "en": "this file has more than {bytes} bytes; a policy file may have at most {chars} "
        "characters",
        "id": "berkas ini lebih dari {bytes} bita; berkas kebijakan paling banyak {chars} karakter",
    },
    "diag.invalid_encoding": {
        "en": "this file is not UTF-8 text: byte {byte} cannot start a character here",
        "id": "berkas ini bukan teks UTF-8: bita {byte} tidak dapat mengawali karakter di sini",
    },
    "diag.invalid_encoding.hint": {
        "en": "save the policy as UTF-8",
        "id": "simpan kebijakan sebagai UTF-8",
    },
    "diag.policy_too_large.chars": {
        "en": "the {files} files of this policy have {total} characters together; a policy may "
        "have at most {most}",
        "id": "{files} berkas kebijakan ini bersama-sama berisi {total} karakter; kebijakan "
        "paling banyak {most}",
    },
    "diag.policy_too_large.bytes": {
        "en": "the {files} files of this policy have {total} bytes together; a policy may have "
        "at most {most} characters",
        "id": "{files} berkas kebijakan ini bersama-sama berisi {total} bita; kebijakan paling "
        "banyak {most} karakter",
    },
    "diag.no_policy_files": {
        "en": "the folder `{path}` holds no .rules files",
        "id": "folder `{path}` tidak berisi berkas .rules",
    },
    "diag.no_policy_files.hint": {
        "en": "policy files end in .rules",
        "id": "nama berkas kebijakan berakhiran .rules",
    },
    "diag.control_character": {
        "en": "a control character ({code}) cannot stand in a policy",
        "id": "karakter kendali ({code}) tidak boleh ada dalam kebijakan",
    },
    "diag.lone_surrogate": {
        "en": "a lone surrogate ({code}) cannot stand in a policy",
        "id": "surrogate tunggal ({code}) tidak boleh ada dalam kebijakan",
    },
    "diag.control_character.hint": {
        "en": "remove it; policy files are plain UTF-8 text",
        "id": "hapus; berkas kebijakan adalah teks UTF-8 biasa",
    },
    "diag.invisible_character": {
        "en": "an invisible character (`{escaped}`, {name}) cannot stand in a policy",
        "id": "karakter tak terlihat (`{escaped}`, {name}) tidak boleh ada dalam kebijakan",
    },
    "diag.invisible_character.hint": {
        "en": "delete it: it cannot be seen, but a name or text that holds it differs from the "
        "same words without it",
        "id": "hapus: karakter itu tidak terlihat, tetapi nama atau teks yang memuatnya berbeda "
        "dari kata-kata yang sama tanpa karakter itu",
    },
    "diag.invisible_characters": {
        "en": "{count} invisible characters (`{escaped}`) cannot stand in a policy",
        "id": "{count} karakter tak terlihat (`{escaped}`) tidak boleh ada dalam kebijakan",
    },
    "diag.invisible_characters.hint": {
        "en": "delete them: they cannot be seen, but a name or text that holds them differs "
        "from the same words without them",
        "id": "hapus: karakter-karakter itu tidak terlihat, tetapi nama atau teks yang memuatnya "
        "berbeda dari kata-kata yang sama tanpa karakter itu",
    },
    "diag.unusual_space": {
        "en": "the text `{value}` holds a {name} (`{escaped}`), not a plain space",
        "id": "teks `{value}` memuat {name} (`{escaped}`), bukan spasi biasa",
    },
    "diag.unusual_space.hint": {
        "en": "replace it with a plain space: a value typed with plain spaces never equals this "
        "text",
        "id": "ganti dengan spasi biasa: nilai yang diketik dengan spasi biasa tidak akan pernah "
        "sama dengan teks ini",
    },
    # ---- groups, overrides, the cap (checks/) ---------------------------------------------
    "diag.group_cycle.self": {
        "en": "the group `{name}` is defined in terms of itself",
        "id": "kelompok `{name}` didefinisikan dengan dirinya sendiri",
    },
    "diag.group_cycle": {
        "en": "these groups are defined in terms of each other: {path}",
        "id": "kelompok-kelompok ini saling mendefinisikan: {path}",
    },
    "diag.group_cycle.hint": {
        "en": "a group needs a definition that ends in `{code_employees}` or `{code_everyone}`; "
        "define one of them without the others",
        "id": "kelompok memerlukan definisi yang berakhir pada `{code_employees}` atau "
        "`{code_everyone}`; definisikan salah satunya tanpa yang lain",
    },
    "diag.unknown_rule": {
        "en": "no rule `{id}` to override",
        "id": "tidak ada aturan `{id}` untuk dikesampingkan",
    },
    "diag.unknown_rule.hint": {
        "en": "`{code_overrides}` takes the ids of other rules of this policy",
        "id": "`{code_overrides}` memerlukan id aturan lain dalam kebijakan ini",
    },
    "diag.override_cycle.self": {
        "en": "the rule `{id}` overrides itself",
        "id": "aturan `{id}` mengesampingkan dirinya sendiri",
    },
    "diag.override_cycle.self.hint": {
        "en": "remove `{target}` from its `{code_overrides}`",
        "id": "hapus `{target}` dari `{code_overrides}`-nya",
    },
    "diag.override_cycle": {
        "en": "these rules override each other in a cycle: {path}",
        "id": "aturan-aturan ini saling mengesampingkan dalam lingkaran: {path}",
    },
    "diag.override_cycle.hint": {
        "en": "where they all apply, each would set the next aside; remove one of these "
        "`{code_overrides}`",
        "id": "di tempat semuanya berlaku, masing-masing akan menyisihkan yang berikutnya; hapus "
        "salah satu `{code_overrides}` ini",
    },
    "diag.too_many_errors": {
        "en": "more than {most} errors in this file; the rest are not shown",
        "id": "lebih dari {most} kesalahan dalam berkas ini; sisanya tidak ditampilkan",
    },
    "diag.too_many_warnings": {
        "en": "more than {most} warnings in this file; the rest are not shown",
        "id": "lebih dari {most} peringatan dalam berkas ini; sisanya tidak ditampilkan",
    },
    "diag.too_many.hint": {
        "en": "fix these and check again to see the others",
        "id": "perbaiki yang ini lalu periksa lagi untuk melihat yang lain",
    },
    # ---- syntax (parser.py, choices.py) ----------------------------------------------------
    "diag.choices.nothing": {"en": "nothing more", "id": "tidak ada lagi"},
    "diag.choices.more": {"en": "{n} more", "id": "{n} lainnya"},
    "diag.choices.two": {"en": "{first} or {last}", "id": "{first} atau {last}"},
    "diag.choices.many": {"en": "{first} or {last}", "id": "{first}, atau {last}"},
    "diag.terminal.word": {"en": "a name", "id": "sebuah nama"},
    "diag.terminal.quoted_name": {
        "en": "a `quoted name`",
        "id": "sebuah `nama bertanda petik terbalik`",
    },
    "diag.terminal.string": {
        "en": 'a text in quotes ("...")',
        "id": 'teks dalam tanda petik ("...")',
    },
    "diag.terminal.number": {"en": "a number", "id": "angka"},
    "diag.terminal.date": {
        "en": "a date (YYYY-MM-DD)",
        "id": "tanggal (7 Juli 2025 atau 2025-07-07)",
    },
    "diag.terminal.time": {"en": "a time (HH:MM)", "id": "waktu (08.00)"},
    "diag.terminal.zone": {
        "en": "a time zone (such as Asia/Jakarta or WIB)",
        "id": "zona waktu (misalnya Asia/Jakarta atau WIB)",
    },
    "diag.terminal.local_zone": {
        "en": "a zone (WIB, WITA or WIT)",
        "id": "zona (WIB, WITA, atau WIT)",
    },
    "diag.terminal.end": {"en": "the end of the sentence", "id": "akhir kalimat"},
    "diag.terminal.day": {
        "en": "a day (Monday to Sunday)",
        "id": "nama hari (Senin sampai Minggu)",
    },
    "diag.syntax.expected": {
        "en": "expected {choices}; found `{found}`",
        "id": "diharapkan {choices}; ditemukan `{found}`",
    },
    "diag.syntax.absorbed": {
        "en": "`{word}` was read as part of a name, so {choices} is missing",
        "id": "`{word}` terbaca sebagai bagian dari nama, sehingga {choices} tidak ada",
    },
    "diag.syntax.swallowed.hint": {
        "en": "`{word}` was read as part of a name here; is a name missing before it? (a name "
        "that really holds `{word}` goes in backquotes)",
        "id": "`{word}` terbaca sebagai bagian dari nama di sini; apakah ada nama yang hilang "
        "sebelumnya? (nama yang memang memuat `{word}` ditulis dalam tanda petik terbalik)",
    },
    "diag.syntax.lost_period.hint": {
        "en": "the sentence before this may have lost its closing `.`",
        "id": "kalimat sebelum ini mungkin kehilangan titik penutupnya `.`",
    },
    "diag.syntax.too_early.hint": {
        "en": "the sentence ends too early",
        "id": "kalimat ini berakhir terlalu cepat",
    },
    "diag.missing_period": {
        "en": "this sentence does not end with `.`",
        "id": "kalimat ini tidak diakhiri dengan `.`",
    },
    "diag.missing_period.hint": {
        "en": "end every declaration and rule with a period",
        "id": "akhiri setiap deklarasi dan aturan dengan titik",
    },
    "diag.missing_period.next.hint": {
        "en": "the next line starts a new declaration; end this one with a period",
        "id": "baris berikutnya memulai deklarasi baru; akhiri yang ini dengan titik",
    },
    "diag.unfinished_sentence": {
        "en": "the sentence stops here; expected {choices}",
        "id": "kalimat berhenti di sini; diharapkan {choices}",
    },
    "diag.unfinished_sentence.hint": {
        "en": "finish the sentence before its closing `.`",
        "id": "selesaikan kalimat sebelum titik penutupnya `.`",
    },
    "diag.file_too_large.chars": {
        "en": "this file has {chars} characters; a policy file may have at most {most}",
        "id": "berkas ini berisi {chars} karakter; berkas kebijakan paling banyak {most}",
    },
    "diag.too_many_errors.stopped": {
        "en": "more than {most} errors in this file; stopped looking",
        "id": "lebih dari {most} kesalahan dalam berkas ini; pemeriksaan dihentikan",
    },
    "diag.too_deep": {
        "en": "parentheses nested {deep} deep; at most {most} are allowed",
        "id": "tanda kurung bersarang {deep} tingkat; paling banyak {most} yang diizinkan",
    },
    "diag.too_deep.hint": {
        "en": "split the condition into named groups or separate rules",
        "id": "pecah syarat itu menjadi kelompok bernama atau aturan terpisah",
    },
    "diag.sentence_too_long": {
        "en": "this sentence has {chars} characters; at most {most} are allowed",
        "id": "kalimat ini berisi {chars} karakter; paling banyak {most} yang diizinkan",
    },
    "examples.sentence_too_long": {
        "en": "this sentence is too long",
        "id": "kalimat ini terlalu panjang",
    },
    "diag.sentence_too_long.hint": {
        "en": "did a sentence lose its closing `.`?",
        "id": "apakah ada kalimat yang kehilangan titik penutupnya `.`?",
    },
    # ---- common slips (slips.py) ----------------------------------------------------------
    "diag.slip.may_not": {
        "en": "`{written}` is not a modal; a rule says {code_modals}",
        "id": "`{written}` bukan kata modal; aturan memakai {code_modals}",
    },
    "diag.slip.may_not.hint": {
        "en": "to forbid it, write `{code_must_not}`",
        "id": "untuk melarangnya, tulis `{code_must_not}`",
    },
    "diag.slip.not_activity": {
        "en": "`{written}` is not an activity",
        "id": "`{written}` bukan kegiatan",
    },
    "diag.slip.not_time": {
        "en": "`{written}` is not a time: times are written {code_time_form}, from "
        "{code_midnight} to {code_day_end}",
        "id": "`{written}` bukan waktu: waktu ditulis {code_time_form}, dari {code_midnight} "
        "sampai {code_day_end}",
    },
    "diag.slip.not_span": {
        "en": "`{written}` is not a span of times: it is written `{form}`",
        "id": "`{written}` bukan rentang waktu: rentang ditulis `{form}`",
    },
    "diag.slip.not_date": {
        "en": "`{written}` is not a date: dates are written {code_date_forms}",
        "id": "`{written}` bukan tanggal: tanggal ditulis {code_date_forms}",
    },
    "diag.slip.unclosed": {
        "en": 'this text has no closing `"` on its line',
        "id": 'teks ini tidak memiliki `"` penutup pada barisnya',
    },
    "diag.slip.unclosed.hint": {
        "en": 'close it with `"` where the text ends',
        "id": 'tutup dengan `"` di akhir teks',
    },
    "diag.slip.true_false": {
        "en": "`{written}` is not a value; yes or no attributes take `{code_yes}` and `{code_no}`",
        "id": "`{written}` bukan nilai; atribut ya atau tidak memakai `{code_yes}` dan `{code_no}`",
    },
    "diag.slip.unquoted": {
        "en": "`{written}` is not a text in quotes: text is written in double quotes",
        "id": "`{written}` bukan teks dalam tanda petik: teks ditulis dalam tanda petik ganda",
    },
    "diag.slip.unquoted.hint": {
        "en": "put it in double quotes: `{meant}`",
        "id": "tulis dalam tanda petik ganda: `{meant}`",
    },
    "diag.slip.or_in_subject": {
        "en": "`{code_or}` cannot join the parts of a rule's subject; a group can join subjects "
        "with `{code_or}`",
        "id": "`{code_or}` tidak dapat menggabungkan bagian-bagian subjek aturan; kelompok dapat "
        "menggabungkan subjek dengan `{code_or}`",
    },
    "diag.slip.or_in_subject.hint": {
        "en": "write the alternatives as a condition after the activity (`{code_if_or}`), or "
        "declare a group that joins them with `{code_or}`",
        "id": "tulis pilihan-pilihannya sebagai syarat sesudah kegiatan (`{code_if_or}`), atau "
        "nyatakan kelompok yang menggabungkannya dengan `{code_or}`",
    },
    "diag.slip.as_condition.hint": {
        "en": "say it as a condition: `{rewrite}`",
        "id": "tulis sebagai syarat: `{rewrite}`",
    },
    "diag.slip.no_subject": {
        "en": "`{written}` has no subject: after `{code_or}`, a group needs a whole subject",
        "id": "`{written}` tidak memiliki subjek: sesudah `{code_or}`, kelompok memerlukan "
        "subjek yang utuh",
    },
    # ---- the traps of Indonesian (checks/indonesian.py, LANGUAGE-ID.md §6.3) -------------
    "diag.zone_suffix": {
        "en": "`{suffix}` does not agree with this policy's time zone ({zone})",
        "id": "`{suffix}` tidak sesuai dengan zona waktu kebijakan ini ({zone})",
    },
    "diag.zone_suffix.hint": {
        "en": "times in rules are the employee's local wall-clock times; remove `{suffix}`, or "
        "change `{timezone}` in the policy header",
        "id": "waktu dalam aturan adalah jam setempat pegawai; hapus `{suffix}`, atau ubah "
        "`{timezone}` di kepala kebijakan",
    },
    "diag.number": {"en": "{value}", "id": "{value}"},
    "diag.number_words": {
        "en": "`{written}`: the number {number} is spelled `{spelled}`, not `{words}`",
        "id": "`{written}`: angka {number} dieja `{spelled}`, bukan `{words}`",
    },
    "diag.number_words.hint": {
        "en": "make the number and its spelling agree, or remove the spelling in parentheses",
        "id": "samakan angka dan ejaannya, atau hapus ejaan dalam kurung",
    },
    "diag.decimal_comma": {
        "en": "`{written}` is read as one decimal number ({value})",
        "id": "`{written}` dibaca sebagai satu angka desimal ({value})",
    },
    "diag.decimal_comma.hint": {
        "en": "for two values write `{apart}` (with a space after the comma)",
        "id": "untuk dua nilai tulis `{apart}` (dengan spasi sesudah koma)",
    },
    # ---- syntax traps of Indonesian (traps.py, LANGUAGE-ID.md §6.4) -----------------------
    "diag.trap.owner.hint": {
        "en": "mark the attribute's owner: `{nya}`, `{theirs}` (the employee) or `{shift}` "
        "(the shift)",
        "id": "tandai pemilik atributnya: `{nya}`, `{theirs}` (pegawai) atau `{shift}` (sif)",
    },
    "diag.trap.except_holidays.hint": {
        "en": "`{code_except_holidays}` is written only at the end of a `{code_hours_word}` "
        "declaration; in a rule, `{code_on_working_days}` already leaves holidays out",
        "id": "`{code_except_holidays}` hanya ditulis di akhir deklarasi `{code_hours_word}`; "
        "dalam aturan, `{code_on_working_days}` sudah tidak mencakup hari libur",
    },
    "diag.trap.lone_s.hint": {
        "en": "write `s.d.` or `sampai`",
        "id": "tulis `s.d.` atau `sampai`",
    },
}

#: policy text inside messages, in each language (`{code_NAME}` in a template)
CODE: dict[str, dict[str, str]] = {
    "code.date_forms": {"en": "YYYY-MM-DD", "id": "`7 Juli 2025` atau `2025-07-07`"},
    "code.to": {"en": "to", "id": "sampai"},
    "code.time_form": {"en": "HH:MM", "id": "HH.MM"},
    "code.midnight": {"en": "00:00", "id": "00.00"},
    "code.day_end": {"en": "24:00", "id": "24.00"},
    "code.except_holidays": {"en": "except holidays", "id": "kecuali hari libur"},
    "code.hours_example": {
        "en": "Monday to Friday 08:00 to 16:00, except holidays",
        "id": "Senin sampai Jumat 08.00 sampai 16.00, kecuali hari libur",
    },
    "code.whole_day": {"en": "00:00 to 24:00", "id": "00.00 sampai 24.00"},
    "code.night": {"en": "22:00 to 06:00", "id": "22.00 sampai 06.00"},
    "code.between_whole_day": {
        "en": "between 00:00 and 24:00",
        "id": "antara pukul 00.00 dan 24.00",
    },
    "code.between_night": {"en": "between 22:00 and 06:00", "id": "antara pukul 22.00 dan 06.00"},
    "code.one_of": {"en": "one of", "id": "salah satu dari"},
    "code.one_of_example": {"en": 'one of "a", "b"', "id": 'salah satu dari "a", "b"'},
    "code.ranked_example": {"en": 'ranked "a", "b"', "id": 'bertingkat "a", "b"'},
    "code.one_of_declaration": {
        "en": 'NAME: one of "a", "b"',
        "id": 'NAMA: salah satu dari "a", "b"',
    },
    "code.must_not": {"en": "must not", "id": "dilarang"},
    "diag.date": {"en": "{date}", "id": "{date}"},
    "diag.date_range": {"en": "{start} to {end}", "id": "{start} sampai {end}"},
    "diag.time_range": {"en": "{start} to {end}", "id": "{start} sampai {end}"},
    "code.decimal": {"en": "37.5", "id": "37,5"},
    "code.date_example": {"en": "2025-01-31", "id": "31 Januari 2025"},
    "code.in_each": {"en": "in each", "id": "di setiap"},
    "code.is": {"en": "is", "id": "adalah"},
    "code.is_one_of": {"en": "is one of", "id": "salah satu dari"},
    "code.ranked": {"en": "ranked", "id": "bertingkat"},
    "code.ranked_low_high": {"en": 'ranked "low" < "high"', "id": 'bertingkat "rendah" < "tinggi"'},
    "code.is_yes": {"en": "is yes", "id": "ya"},
    "code.is_no": {"en": "is no", "id": "tidak"},
    "code.ago": {"en": "ago", "id": "yang lalu"},
    "code.is_less_than": {"en": "is less than", "id": "kurang dari"},
    "code.is_at_least": {"en": "is at least", "id": "paling sedikit"},
    "code.is_more_than": {"en": "is more than", "id": "lebih dari"},
    "code.ago_count": {"en": "{unit}s ago", "id": "{unit} yang lalu"},
    "code.less_than_ago": {
        "en": "is less than N {unit}s ago",
        "id": "kurang dari N {unit} yang lalu",
    },
    "code.at_least_ago": {
        "en": "is at least N {unit}s ago",
        "id": "paling sedikit N {unit} yang lalu",
    },
    "code.less_than_twelve_ago": {
        "en": "is less than 12 {unit}s ago",
        "id": "kurang dari 12 {unit} yang lalu",
    },
    "code.months_ago": {"en": "{n} months ago", "id": "{n} bulan yang lalu"},
    "code.between": {"en": "is between {low} and {high}", "id": "antara {low} dan {high}"},
    "code.op.is": {"en": "is", "id": "adalah"},
    "code.op.is_not": {"en": "is not", "id": "bukan"},
    "code.op.one_of": {"en": "is one of", "id": "salah satu dari"},
    "code.op.not_one_of": {"en": "is not one of", "id": "bukan salah satu dari"},
    "code.op.at_least": {"en": "is at least", "id": "paling sedikit"},
    "code.op.at_most": {"en": "is at most", "id": "paling banyak"},
    "code.op.more_than": {"en": "is more than", "id": "lebih dari"},
    "code.op.less_than": {"en": "is less than", "id": "kurang dari"},
    "code.op.between": {"en": "is between", "id": "antara"},
    "code.op.before": {"en": "is before", "id": "sebelum"},
    "code.op.after": {"en": "is after", "id": "setelah"},
    "code.unit.day": {"en": "day", "id": "hari"},
    "code.unit.week": {"en": "week", "id": "minggu"},
    "code.unit.month": {"en": "month", "id": "bulan"},
    "code.unit.year": {"en": "year", "id": "tahun"},
    "code.units.day": {"en": "days", "id": "hari"},
    "code.units.week": {"en": "weeks", "id": "minggu"},
    "code.units.month": {"en": "months", "id": "bulan"},
    "code.units.year": {"en": "years", "id": "tahun"},
    "code.verb.who_are": {"en": "who are", "id": "yang"},
    "code.verb.they_are": {"en": "they are", "id": "mereka"},
    "code.verb.the_shift_is": {"en": "the shift is", "id": "sif"},
    "code.test.shift_flag": {"en": "the shift is {attribute}", "id": "sif {attribute}"},
    "code.test.shift": {
        "en": "the shift's {attribute} is {value}",
        "id": "{attribute} sif {value}",
    },
    "code.test.who_are": {"en": "who are {attribute}", "id": "yang {attribute}"},
    "code.test.whose": {"en": "whose {attribute} is {value}", "id": "yang {attribute}nya {value}"},
    "code.test.they_are": {"en": "they are {attribute}", "id": "mereka {attribute}"},
    "code.test.their": {"en": "their {attribute} is {value}", "id": "{attribute}nya {value}"},
    "code.or": {"en": "or", "id": "atau"},
    "code.not": {"en": "not", "id": "tidak"},
    "code.not_modal": {"en": "not {modal}", "id": "tidak {modal}"},
    "code.subject_must_not": {"en": "{subject} must not ...", "id": "{subject} dilarang ..."},
    "code.subject_may_not": {"en": "{subject} may not ...", "id": "{subject} tidak boleh ..."},
    "code.with": {"en": "with", "id": "dengan"},
    "code.with_attribute": {"en": "with {attribute}", "id": "dengan {attribute}"},
    "code.quoted_nya": {"en": "`{name}`nya", "id": "`{name}`nya"},
    "code.employees_who_are": {
        "en": "employees who are {attribute}",
        "id": "pegawai yang {attribute}",
    },
    "code.employees_whose": {
        "en": "employees whose {attribute} is ...",
        "id": "pegawai yang {attribute}nya ...",
    },
    "code.declare_group": {
        "en": "group {name}: employees whose ... .",
        "id": "kelompok {name}: pegawai yang ... .",
    },
    "code.if": {"en": "if {test}", "id": "jika {test}"},
    "code.employees_have": {"en": "employees have", "id": "pegawai memiliki"},
    "code.shifts_have": {"en": "shifts have", "id": "sif memiliki"},
    "code.type.text": {"en": "text", "id": "teks"},
    "code.type.bool": {"en": "yes or no", "id": "ya atau tidak"},
    "code.declare_attribute": {"en": "{have}: {name}: {type}.", "id": "{have}: {name}: {type}."},
    "code.work_within": {"en": "work within", "id": "bekerja di dalam"},
    "code.work_within_hours": {"en": "work within HOURS", "id": "bekerja di dalam JAM"},
    "code.during": {"en": "during {name}", "id": "selama {name}"},
    "code.during_word": {"en": "during", "id": "selama"},
    "code.outside_word": {"en": "outside", "id": "di luar"},
    "code.on": {"en": "on {name}", "id": "pada {name}"},
    "code.hours_window": {
        "en": "hours {name} window: Monday to Friday 07:00 to 17:00.",
        "id": "pola jam {name} window: Senin sampai Jumat 07.00 sampai 17.00.",
    },
    "code.declare_work_hours": {
        "en": "hours {name}: Monday to Friday 07:00 to 17:00.",
        "id": "pola jam {name}: Senin sampai Jumat 07.00 sampai 17.00.",
    },
    "code.declare_jam_hours": {
        "en": "hours {name}: Monday to Friday 07:00 to 17:00.",
        "id": "{name}: Senin sampai Jumat 07.00 sampai 17.00.",
    },
    "code.declare_hours": {
        "en": "hours {name}: Monday to Friday 08:00 to 16:00.",
        "id": "pola jam {name}: Senin sampai Jumat 08.00 sampai 16.00.",
    },
    "code.declare_dates": {
        "en": "dates {name}: 2025-03-01 to 2025-03-30.",
        "id": "tanggal {name}: 1 Maret 2025 sampai 30 Maret 2025.",
    },
    "code.clause.version": {"en": "version", "id": "versi"},
    "code.clause.timezone": {"en": "timezone", "id": "zona waktu"},
    "code.clause.default": {"en": "default", "id": "bawaan"},
    "code.clause.effective": {"en": "effective from", "id": "berlaku mulai"},
    "code.working_days": {"en": "working days", "id": "hari kerja"},
    "code.national": {"en": "Indonesia", "id": "nasional"},
    "code.except": {"en": "except", "id": "kecuali"},
    "code.absence_kind_example": {"en": '"cuti tahunan"', "id": '"cuti tahunan"'},
    "code.national_with_joint": {
        "en": "Indonesia with joint holidays",
        "id": "nasional dan cuti bersama",
    },
    "code.holidays_national": {"en": "holidays: Indonesia.", "id": "hari libur: nasional."},
    "code.public_holidays": {"en": "public holidays", "id": "hari libur nasional"},
    "code.joint_holidays": {"en": "joint holidays", "id": "cuti bersama"},
    "code.monday_to_sunday": {"en": "Monday to Sunday", "id": "Senin sampai Minggu"},
    "code.monday_to_friday": {"en": "Monday to Friday", "id": "Senin sampai Jumat"},
    "code.weekdays": {"en": "weekdays", "id": "hari biasa"},
    "code.weekends": {"en": "weekends", "id": "akhir pekan"},
    "code.day_kind.weekdays": {"en": "weekdays", "id": "hari biasa"},
    "code.day_kind.weekends": {"en": "weekends", "id": "akhir pekan"},
    "code.day_kind.working_days": {"en": "working days", "id": "hari kerja"},
    "code.day_kind.holidays": {"en": "holidays", "id": "hari libur"},
    "code.day_kind.public_holidays": {"en": "public holidays", "id": "hari libur nasional"},
    "code.day_kind.joint_holidays": {"en": "joint holidays", "id": "cuti bersama"},
    "code.day_kind.every_day": {"en": "every day", "id": "setiap hari"},
    "code.must_work": {"en": "must work", "id": "wajib bekerja"},
    "code.core_hours_example": {
        "en": "must work between 09:00 and 15:00 on working days",
        "id": "wajib bekerja antara pukul 09.00 dan 15.00 pada hari kerja",
    },
    "code.must_be_on_site": {"en": "must be on-site", "id": "wajib berada di kantor"},
    "code.on_days": {"en": "on DAYS", "id": "pada HARI"},
    "code.between_word": {"en": "between", "id": "antara"},
    "code.per_working_day": {"en": "per working day", "id": "per hari kerja"},
    "code.during_ramadan": {"en": "during Ramadan", "id": "selama Ramadan"},
    "code.during_dates": {"en": "during DATES", "id": "selama TANGGAL"},
    "code.from_date": {"en": "from DATE", "id": "mulai TANGGAL"},
    "code.until_date": {"en": "until DATE", "id": "sampai TANGGAL"},
    "code.share": {"en": "at most P% of ...", "id": "paling banyak P% dari ..."},
    "code.may": {"en": "may", "id": "dapat"},
    "code.must": {"en": "must", "id": "wajib"},
    "code.share_form": {
        "en": "at most P% of SUBJECT may ACTIVITY per day",
        "id": "paling banyak P% dari SUBJEK dapat KEGIATAN per hari",
    },
    "code.per_day": {"en": "per day", "id": "per hari"},
    "code.per_week": {"en": "per week", "id": "per minggu"},
    "code.per_month": {"en": "per month", "id": "per bulan"},
    "code.per_period": {"en": "per PERIOD", "id": "per PERIODE"},
    "code.per_period_day": {"en": "per day", "id": "per hari"},
    "code.on_every_day": {"en": "on every day", "id": "pada setiap hari"},
    "code.staffing": {"en": "at least N ...", "id": "paling sedikit N ..."},
    "code.staffing_form": {
        "en": "at least N SUBJECT must ACTIVITY [TIME]",
        "id": "paling sedikit N SUBJEK wajib KEGIATAN [WAKTU]",
    },
    "code.within_form": {
        "en": "SUBJECT must work within HOURS",
        "id": "SUBJEK wajib bekerja di dalam JAM",
    },
    "code.start_work": {"en": "start work", "id": "mulai bekerja"},
    "code.start_form": {
        "en": "SUBJECT must start work between HH:MM and HH:MM",
        "id": "SUBJEK wajib mulai bekerja antara HH.MM dan HH.MM",
    },
    "code.start_between": {"en": "between HH:MM and HH:MM", "id": "antara HH.MM dan HH.MM"},
    "code.start_example": {"en": "between 07:00 and 08:30", "id": "antara 07.00 dan 08.30"},
    "code.limit_example": {
        "en": "more than N days per week",
        "id": "lebih dari N hari per minggu",
    },
    "code.hours_limit_example": {
        "en": "at least H hours per week",
        "id": "paling sedikit H jam per minggu",
    },
    "code.must_not_more": {"en": "must not ... more than", "id": "dilarang ... lebih dari"},
    "code.must_at_least": {"en": "must ... at least", "id": "wajib ... paling sedikit"},
    "code.work": {"en": "work", "id": "bekerja"},
    "code.more_than": {"en": "more than", "id": "lebih dari"},
    "code.at_least": {"en": "at least", "id": "paling sedikit"},
    "code.must_not_activity_more": {
        "en": "must not {activity} more than ...",
        "id": "dilarang {activity} lebih dari ...",
    },
    "code.must_activity_at_least": {
        "en": "must {activity} at least ...",
        "id": "wajib {activity} paling sedikit ...",
    },
    "code.modal.must": {"en": "must", "id": "wajib"},
    "code.modal.must_not": {"en": "must not", "id": "dilarang"},
    "code.modal.may": {"en": "may", "id": "dapat"},
    "code.whose_unit": {"en": "whose unit is one of ...", "id": "yang unitnya salah satu dari ..."},
    "code.employees": {"en": "employees", "id": "pegawai"},
    "code.everyone": {"en": "everyone", "id": "semua pegawai"},
    "code.overrides": {"en": "overrides", "id": "mengesampingkan"},
    "code.modals": {
        "en": "`must`, `must not` or `may`",
        "id": "`wajib`, `dilarang`, atau `dapat`",
    },
    "code.yes": {"en": "yes", "id": "ya"},
    "code.no": {"en": "no", "id": "tidak"},
    "code.if_or": {"en": "if ... or ...", "id": "jika ... atau ..."},
    "code.span_form": {"en": "HH:MM {joint} HH:MM", "id": "HH.MM {joint} HH.MM"},
    "code.joint.and": {"en": "and", "id": "dan"},
    "code.joint.to": {"en": "to", "id": "sampai"},
    "code.attribute_nya": {"en": "their {attribute}", "id": "{attribute}nya"},
    "code.attribute_mereka": {"en": "their {attribute}", "id": "{attribute} mereka"},
    "code.attribute_sif": {"en": "the shift's {attribute}", "id": "{attribute} sif"},
    "code.on_working_days": {"en": "on working days", "id": "pada hari kerja"},
    "code.hours_word": {"en": "hours", "id": "jam"},
    "code.written_ago": {"en": "{op} N {unit}s ago", "id": "{op} N {unit} yang lalu"},
    "code.unit.days": {"en": "days", "id": "hari"},
    "code.unit.working_days": {"en": "working days", "id": "hari kerja"},
    "code.unit.hours": {"en": "hours", "id": "jam"},
}
ENTRIES.update(CODE)
