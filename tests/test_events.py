"""Meetings and commitments on real sentence shapes (our own fixtures)."""

import datetime as dt

import pytest

from kabar.extract import extract_article
from kabar.models import Article

BASE = dt.date(2025, 6, 16)


def extract(body: str, base: dt.date | None = BASE):
    return extract_article(
        Article(article_id="t", source_file="t.txt", body=body, language="id", published_date=base, dateline="Jakarta")
    )


@pytest.mark.parametrize(
    "body, kind, names",
    [
        (
            "Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri Malaysia Mohamad Hasan di Kuala Lumpur, "
            "Senin (16/6/2025).",
            "bilateral",
            {"Sugiono", "Mohamad Hasan"},
        ),
        (  # leaders of two countries doing something together met
            "Presiden RI Prabowo Subianto dan Presiden Prancis Emmanuel Macron mengecek laboratorium bahasa di "
            "Magelang, Senin (16/6/2025).",
            "visit",
            {"Prabowo Subianto", "Emmanuel Macron"},
        ),
        (  # two people with the same short title are two people
            "Menlu Sugiono bertemu Menlu Malaysia Mohamad Hasan di Kuala Lumpur, Senin (16/6/2025).",
            "bilateral",
            {"Sugiono", "Mohamad Hasan"},
        ),
        (
            "Presiden AS Donald Trump melakukan percakapan panjang melalui telepon dengan Presiden China Xi Jinping, "
            "Senin (16/6/2025).",
            "call",
            {"Donald Trump", "Xi Jinping"},
        ),
        (
            "Menko Perekonomian Airlangga Hartarto dan Komisioner Perdagangan Uni Eropa Maros Sefcovic menggelar "
            "pertemuan virtual, Senin (16/6/2025).",
            "call",
            {"Airlangga Hartarto", "Maros Sefcovic"},
        ),
        (  # the speaker's own meeting, told in a quote
            '"Senin (16/6/2025) di London saya ketemu dengan beberapa pejabat dan dengan Presiden Trump," kata '
            "Presiden Prabowo.",
            "bilateral",
            {"Prabowo Subianto", "Donald Trump"},
        ),
        (
            "Menteri Keuangan Purbaya Yudhi Sadewa menghadap Presiden Prabowo Subianto di Istana, Senin (16/6/2025).",
            "bilateral",
            {"Purbaya Yudhi Sadewa", "Prabowo Subianto"},
        ),
        (
            "Presiden Prabowo Subianto melakukan kunjungan kehormatan kepada Presiden Singapura Tharman "
            "Shanmugaratnam di Istana, Senin (16/6/2025).",
            "visit",
            {"Prabowo Subianto", "Tharman Shanmugaratnam"},
        ),
        (
            "Presiden Prabowo Subianto melakukan percakapan telepon dengan Presiden Prancis Emmanuel Macron "
            "pada Senin (16/6/2025).",
            "call",
            {"Prabowo Subianto", "Emmanuel Macron"},
        ),
        (
            "Ketua Umum PDIP Megawati Soekarnoputri bersilaturahmi dengan Presiden Prabowo Subianto dalam acara "
            "halalbihalal, Senin (16/6/2025).",
            "other",
            {"Megawati Soekarnoputri", "Prabowo Subianto"},
        ),
        (  # a limited cabinet meeting is of type other (annotation.md)
            "Presiden Prabowo Subianto memimpin rapat terbatas bersama Menteri Keuangan Sri Mulyani di Istana "
            "Merdeka, Jakarta, Senin (16/6/2025).",
            "other",
            {"Prabowo Subianto", "Sri Mulyani Indrawati"},
        ),
        (
            "Di sela KTT ASEAN di Kuala Lumpur, Senin (16/6/2025), Presiden Prabowo Subianto bertemu Perdana Menteri "
            "Jepang Shigeru Ishiba.",
            "bilateral",
            {"Prabowo Subianto", "Shigeru Ishiba"},
        ),
        (
            "Presiden Prabowo Subianto, Presiden Filipina Ferdinand Marcos dan Perdana Menteri Jepang Shigeru Ishiba "
            "hadir di KTT ASEAN, Senin (16/6/2025).",
            "multilateral",
            {"Prabowo Subianto", "Ferdinand Marcos", "Shigeru Ishiba"},
        ),
    ],
)
def test_meeting_types(body, kind, names):
    [m] = extract(body).meetings
    assert m["meeting_type"] == kind
    assert {p["name"] for p in m["participants"]} == names
    assert m["meeting_date"] == dt.date(2025, 6, 16)


def test_planned_meeting_and_its_later_mention_is_one_meeting():
    body = (
        "Menteri Perdagangan Budi Santoso akan bertemu Menteri Perdagangan Vietnam Nguyen Hong Dien pekan depan. "
        "Pertemuan tersebut dijadwalkan berlangsung di Hanoi."
    )
    [m] = extract(body).meetings
    assert m["status"] == "planned" and m["city"] == "Hanoi" and m["country_code"] == "VNM"


def test_a_meeting_refused_called_off_wished_for_or_asked_of_others_is_not_a_meeting():
    body = (
        "Presiden Kroasia Zoran Milanovic menolak menemui Menteri Luar Negeri Israel Gideon Saar di Zagreb, "
        "Selasa (10/6/2025). Perdana Menteri Andrej Plenkovic juga batal bertemu dengan Gideon Saar. "
        "Wajar jika pertemuan Presiden Prabowo Subianto dengan Megawati Soekarnoputri membahas situasi terkini. "
        "Pertemuan Presiden Prabowo Subianto dan Megawati Soekarnoputri belum kunjung terjadi. "
        "Wali Kota Bandung Muhammad Farhan ingin bertemu Gubernur Jawa Barat Dedi Mulyadi. "
        "Namun, Ahmad Muzani tidak tahu maksud keinginan PSI bertemu Ketua Umum Partai Gerindra tersebut. "
        "“Sebagai Ketua Umum PPP saya mengajak WNI di sini untuk mendatangi Tempat Pemungutan Suara.”"
    )
    assert extract(body).meetings == []


def test_who_reports_a_meeting_in_indirect_speech_is_no_party_to_it():
    body = (
        "Sekretaris Kabinet Teddy Indra Wijaya mengatakan Presiden Prabowo Subianto bertemu dengan Perdana Menteri "
        "Kanada Mark Carney di Ottawa, Senin (16/6/2025)."
    )
    [m] = extract(body).meetings
    assert {p["name"] for p in m["participants"]} == {"Prabowo Subianto", "Mark Carney"}
    signing = "Wakil Ketua DPR Sufmi Dasco Ahmad mengatakan penandatanganan surat itu dilakukan oleh Prabowo Subianto."
    assert extract(signing).meetings == []


def test_a_summit_used_as_a_time_is_not_the_meeting_of_the_sentence():
    body = (
        "Dinas Perhubungan DKI Jakarta bekerja sama dengan Polda Metro Jaya akan merekayasa lalu lintas di 29 "
        "ruas jalan selama pelaksanaan KTT ASEAN 2023."
    )
    assert extract(body).meetings == []
    body = (
        "Kepala Dinas Perhubungan Syafrin Liputo mengatakan mobil patroli menerobos iring-iringan delegasi KTT "
        "ASEAN dari Laos, Kamis (7/9/2023)."
    )
    assert extract(body).meetings == []


def test_a_summit_a_named_leader_attends_is_a_meeting_with_the_summits_body():
    body = (
        "Presiden Prabowo Subianto tiba di Malaysia untuk menghadiri Konferensi Tingkat Tinggi (KTT) ke-47 ASEAN. "
        "Adapun rangkaian KTT Ke-47 ASEAN yang dihadiri oleh Prabowo akan berlangsung di Kuala Lumpur pada "
        "26-28 Juni 2025."
    )
    (m,) = extract(body).meetings
    assert (m["meeting_type"], m["status"], str(m["meeting_date"])) == ("multilateral", "planned", "2025-06-26")
    assert [p["name"] for p in m["participants"]] == ["Prabowo Subianto", "ASEAN"]
    english = extract("Prime Minister Modi attended the G20 summit in Rio on Monday.").meetings
    assert [p["name"] for p in english[0]["participants"]] == ["Narendra Modi", "G20"]


@pytest.mark.parametrize(
    "body",
    [
        "Presiden Joko Widodo tidak menghadiri KTT G20 di Rio de Janeiro.",
        "Menurut Menteri Luar Negeri Sugiono, KTT BRICS penting bagi Indonesia.",
        "Presiden Prabowo Subianto bertemu Perdana Menteri India Narendra Modi di sela KTT BRICS.",
    ],
)
def test_a_summit_not_attended_or_only_the_setting_gives_no_meeting_with_its_body(body):
    names = {p["name"] for m in extract(body).meetings for p in m["participants"]}
    assert not names & {"BRICS", "G20"}


def test_guests_named_at_a_gathering_met_there():
    body = (
        "Dalam syukuran ulang tahun Ketua MPR Bambang Soesatyo, hadir antara lain Ketua Umum Partai Golkar "
        "Bahlil Lahadalia dan Wakil Ketua DPR Cucun Ahmad Syamsurijal, Senin (16/6/2025)."
    )
    (m,) = extract(body).meetings
    assert m["meeting_type"] == "other"
    assert {p["name"] for p in m["participants"]} >= {"Bambang Soesatyo", "Bahlil Lahadalia", "Cucun Ahmad Syamsurijal"}
    assert extract("Dalam acara itu, hadir antara lain para pelajar dan guru.").meetings == []


def test_a_meeting_the_speaker_tells_of_in_a_quote_spanning_sentences_is_the_speakers():
    body = (
        "\u201cDi London saya ketemu dengan Presiden AS Donald Trump. Hasilnya bagus,\u201d "
        "sambung Presiden Prabowo Subianto."
    )
    (m,) = extract(body).meetings
    assert {p["name"] for p in m["participants"]} == {"Prabowo Subianto", "Donald Trump"}
    # the speaker hoping for others' meeting is not at it
    hoped = (
        "\u201cSaya senang pertemuan Presiden Prabowo Subianto dan Presiden China Xi Jinping berjalan lancar,\u201d "
        "kata Menteri Luar Negeri Sugiono."
    )
    (m,) = extract(hoped).meetings
    assert {p["name"] for p in m["participants"]} == {"Prabowo Subianto", "Xi Jinping"}


def test_one_person_at_a_plain_meeting_word_meets_the_organisation_named_right_after_it():
    body = (
        "\u201cIuran naik,\u201d ujar Menteri Kesehatan Budi Gunadi Sadikin dalam rapat dengan Komisi IX DPR, "
        "Senin (16/6/2025)."
    )
    (m,) = extract(body).meetings
    assert {p["name"] for p in m["participants"]} >= {"Budi Gunadi Sadikin", "Komisi IX DPR"}
    # the person's own organisation, an organisation named far from the word, a forum: no meeting
    assert (
        extract("Menteri Sosial Saifullah Yusuf memimpin rapat Kementerian Sosial, Senin (16/6/2025).").meetings == []
    )
    far = "Menteri Kesehatan Budi Gunadi Sadikin usai rapat pagi itu lalu berbicara panjang tentang Komisi IX DPR."
    assert extract(far).meetings == []
    assert extract("Menteri Kesehatan Budi Gunadi Sadikin hadir di forum Komisi IX DPR.").meetings == []


@pytest.mark.parametrize(
    "body, group",
    [
        ("Ketua DPRD DKI Jakarta Khoirudin menerima kunjungan kerja dari parlemen Vietnam.", "parlemen Vietnam"),
        ("Presiden China Xi Jinping mengadakan pembicaraan dengan para pemimpin Jepang dan Kanada.", "para pemimpin"),
    ],
)
def test_a_parliament_or_leaders_unnamed_are_the_other_side(body, group):
    (m,) = extract(body).meetings
    assert any(p["name"].startswith(group) for p in m["participants"])


def test_a_group_word_inside_a_name_is_no_group():
    body = (
        "Forum Masyarakat Peduli Parlemen Indonesia (Formappi) menjabarkan hasil risetnya. "
        "Peneliti Formappi Lucius Karus membedah anggota DPR RI terpilih berdasarkan usia."
    )
    assert extract(body).meetings == []


def test_a_deal_reached_is_one_agreement_until_other_countries_reach_one():
    body = (
        "Indonesia dan Uni Eropa telah mencapai kesepakatan politik untuk menuntaskan perundingan IEU-CEPA. "
        "Setelah 10 tahun negosiasi, Indonesia telah mencapai kesepakatan itu. "
        "Sementara itu, Amerika Serikat juga mencapai kesepakatan perdagangan dengan China."
    )
    rows = extract(body).commitments
    assert [(r["kind"], sorted(r["party_countries"])) for r in rows] == [
        ("agreement", ["IDN"]),
        ("agreement", ["CHN", "USA"]),
    ]


def test_a_promise_two_sides_make_together_is_cooperation():
    body = (
        "Menteri Agama Nasaruddin Umar bertemu Menteri Haji Arab Saudi Tawfiq Al-Rabiah. Dalam pertemuan tersebut, "
        "kedua menteri menegaskan komitmen untuk memastikan penyelenggaraan haji berjalan baik."
    )
    (row,) = extract(body).commitments
    assert row["kind"] == "cooperation"
    alone = "Demi perdamaian kedua negara, Presiden Prabowo Subianto siap mengirim pasukan perdamaian."
    (row,) = extract(alone).commitments
    assert row["kind"] == "pledge"


def test_who_tells_of_their_own_past_meeting_is_at_it():
    body = (
        "Menteri Luar Negeri Sugiono mengungkapkan pengalamannya ketika bertemu Menteri Luar Negeri Malaysia "
        "Mohamad Hasan dan Menteri Luar Negeri Thailand Maris Sangiampongsa."
    )
    (m,) = extract(body).meetings
    assert {p["name"] for p in m["participants"]} == {"Sugiono", "Mohamad Hasan", "Maris Sangiampongsa"}


def test_who_witnessed_a_signing_met_its_signatories():
    body = (
        "Presiden RI Prabowo Subianto menyaksikan penandatanganan nota kesepahaman antara Kementerian Pertahanan "
        "dan Sekretariat Industri Pertahanan Turkiye di Jakarta. Adapun nota kesepahaman tersebut diteken oleh "
        "Menteri Pertahanan Sjafrie Sjamsoeddin dan Sekretaris Industri Pertahanan Turkiye, Haluk Gorgun."
    )
    (m,) = extract(body).meetings
    assert m["meeting_type"] == "bilateral"
    assert [p["name"] for p in m["participants"]] == ["Prabowo Subianto", "Sjafrie Sjamsoeddin", "Haluk Gorgun"]


def test_attendees_named_after_a_signing_seen_with_one_party_make_it_a_meeting():
    body = (
        "Jaksa Agung Muda Intelijen Reda Manthovani menghadiri acara penandatanganan nota kesepahaman antara "
        "Kejaksaan Negeri dengan bupati se-Bali pada 11 Juni 2025. Acara turut dihadiri Gubernur Bali Wayan Koster "
        "dan Kepala Kejaksaan Tinggi Bali Ketut Sumedana."
    )
    (m,) = extract(body).meetings
    assert [p["name"] for p in m["participants"]] == ["Reda Manthovani", "Wayan Koster", "Ketut Sumedana"]


def test_a_dated_signing_between_two_organisations_is_their_meeting():
    body = (
        "Kejaksaan Tinggi Jawa Barat bersama Pemerintah Provinsi Jawa Barat menandatangani nota kesepahaman "
        "di Bandung pada Senin (16/6/2025)."
    )
    (m,) = extract(body).meetings
    assert [p["name"] for p in m["participants"]] == ["Kejaksaan Tinggi Jawa Barat", "Pemerintah Provinsi Jawa Barat"]
    # undated and unplaced, an organisations' signing is only an agreement
    body = "Otorita Ibu Kota Nusantara dan PT Vitka Delifood resmi menandatangani Perjanjian Kerja Sama."
    assert extract(body).meetings == []


def test_a_decree_signed_is_no_meeting():
    body = (
        "Gubernur Bali Wayan Koster menandatangani nota kesepahaman pariwisata dengan Pemprov Jakarta. Perpres "
        "itu diteken Presiden RI, Prabowo Subianto, pada 10 Juni 2025."
    )
    assert extract(body).meetings == []


def test_whose_meeting_it_was_may_be_named_a_few_sentences_back():
    body = (
        "Presiden Prabowo Subianto tiba di Brussel, Belgia. “Kemudian Raja Belgia mendengar saya datang,” sebut dia. "
        "“Saya diterima dengan hangat.” Lalu, dia menjelaskan pertemuannya berlanjut dengan Raja Belgia, Raja "
        "Philippe, di Istana Laeken pada Minggu sore, 13 Juli 2025."
    )
    (m,) = extract(body, dt.date(2025, 7, 21)).meetings
    assert {p["name"] for p in m["participants"]} == {"Prabowo Subianto", "Philippe"}
    assert m["meeting_date"] == dt.date(2025, 7, 13)


def test_an_attendee_telling_of_the_meeting_later_is_the_same_meeting():
    body = (
        "Ketua DPR Puan Maharani menerima audiensi sejumlah tokoh di Kompleks Parlemen, Kamis (4/9/2025). "
        "Pertemuan itu dihadiri oleh Peneliti Senior BRIN, Siti Zuhro, dan Pakar Komunikasi Effendi Gazali. "
        "Sementara itu, Siti Zuhro mengungkap isi pertemuannya dengan Puan."
    )
    assert len(extract(body, dt.date(2025, 9, 4)).meetings) == 1


def test_talks_on_a_visit_stay_talks():
    body = (
        "Presiden Prabowo Subianto bertemu dengan Presiden Brasil Luiz Inacio Lula da Silva di Brasilia, "
        "Rabu (9/7/2025). Kunjungan tersebut juga membahas perdagangan kedua negara."
    )
    (m,) = extract(body, dt.date(2025, 7, 10)).meetings
    assert m["meeting_type"] == "bilateral"
    body = (
        "Sekretaris Daerah DKI Jakarta Joko Agus Setyono melakukan pertemuan dengan delegasi Ho Chi Minh City. "
        "Kunjungan tersebut membahas transportasi."
    )
    (m,) = extract(body).meetings
    assert m["meeting_type"] == "visit"  # a meeting noun: the article calls the meeting a visit


def test_a_home_meeting_of_the_day_or_undated_with_no_place_took_place_where_the_article_is_datelined():
    held = (
        "Menteri Sekretaris Negara Prasetyo Hadi bertemu dengan Wakil Ketua DPR Sufmi Dasco Ahmad, Senin (16/6/2025)."
    )
    (m,) = extract(held).meetings  # the fixture's articles are datelined Jakarta
    assert m["city"] == "Jakarta"
    undated = "Menteri Sekretaris Negara Prasetyo Hadi bertemu dengan Wakil Ketua DPR Sufmi Dasco Ahmad."
    (m,) = extract(undated).meetings  # no day given: the dateline's too
    assert m["city"] == "Jakarta"
    foreign = (
        "Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri Malaysia Mohamad Hasan, Senin (16/6/2025)."
    )
    elsewhere = "Menhan Sjafrie Sjamsoeddin bertemu Menkeu Sri Mulyani di Nduga, Papua, Senin (16/6/2025)."
    earlier = "Menteri Sekretaris Negara Prasetyo Hadi bertemu Wakil Ketua DPR Sufmi Dasco Ahmad, Senin (9/6/2025)."
    for body in (foreign, elsewhere, earlier):
        (m,) = extract(body).meetings
        assert m["city"] is None, body


def test_a_well_known_venue_gives_its_city():
    body = (
        "Ketua DPR Puan Maharani bertemu Menteri Luar Negeri Sugiono di Kompleks Parlemen, Senayan, Senin (9/6/2025)."
    )
    (m,) = extract(body).meetings
    assert (m["city"], m["country_code"]) == ("Jakarta", "IDN")


def test_a_meeting_room_is_a_place_not_a_meeting():
    body = (
        "Kapolda Metro Jaya Asep Edi Suheri dan Wakil Kapolda Metro Jaya Dekananto Eko Purwono memberikan "
        "keterangan di ruang rapat Gedung Utama, Rabu (22/10/2025)."
    )
    assert extract(body).meetings == []


def test_a_party_known_by_its_short_name_is_a_side_of_the_meeting():
    body = (
        "Presiden Prabowo Subianto menerima kunjungan Menteri Sugiono. Sekjen Partai Gerindra Ahmad Muzani "
        "mengatakan PSI bakal bertemu dengan Prabowo pekan depan."
    )
    m = next(m for m in extract(body).meetings if m["status"] == "planned")
    assert {(p["name"], p["country_code"]) for p in m["participants"]} == {
        ("Prabowo Subianto", "IDN"),
        ("PSI", "IDN"),
    }


def test_the_day_a_source_was_quoted_is_not_the_day_of_the_meeting_it_quotes():
    body = (
        "Presiden Prabowo Subianto bertemu dengan Presiden Brasil Luiz Inacio Lula da Silva di Brasilia, Rabu "
        "(9/7/2025). Menurut Sekretaris Kementerian Luar Negeri Brasil Susan Kleebank, pertemuan Presiden Prabowo "
        "dengan Presiden Lula da Silva dilakukan dalam rangka mempertegas kemitraan strategis. “Pertemuan tersebut "
        "menegaskan kepentingan bersama,” ujar Susan, dilansir dari laman resmi Istana Kepresidenan Brasil, Sabtu "
        "(5/7/2025)."
    )
    (m,) = extract(body, dt.date(2025, 7, 10)).meetings  # one meeting: the quote's day does not split it
    assert m["meeting_date"] == dt.date(2025, 7, 9)


def test_keduanya_are_the_two_people_named_last():
    body = (
        "Raja Yordania Abdullah II memberikan penghargaan kepada Presiden Prabowo Subianto. Keduanya bertemu "
        "pertama kali pada 4 Desember 1995 saat acara pelantikan Prabowo."
    )
    (m,) = extract(body).meetings
    assert [p["name"] for p in m["participants"]] == ["Abdullah II", "Prabowo Subianto"]
    assert str(m["meeting_date"]) == "1995-12-04"


def test_someone_named_in_passing_did_not_attend():
    body = (
        "Menaker Yassierli bertemu Direktur Jenderal ILO Gilbert F. Houngbo di Jenewa, Senin (16/6/2025). Dalam "
        "pertemuan tersebut, Yassierli menegaskan komitmen Indonesia di bawah kepemimpinan Presiden Prabowo Subianto."
    )
    (m,) = extract(body).meetings
    assert [p["name"] for p in m["participants"]] == ["Yassierli", "Gilbert F. Houngbo"]


def test_two_people_of_one_country_doing_something_together_is_no_meeting_by_itself():
    body = "Hakim Konstitusi Daniel Yusmic dan Hakim Konstitusi Guntur Hamzah menghadiri upacara di Jakarta."
    assert extract(body).meetings == []


def test_a_session_of_a_body_is_the_other_side_of_the_one_person_named_at_it():
    body = "Hal itu disampaikan Prabowo dalam Sidang Kabinet Paripurna di Istana Negara, Senin (16/6/2025)."
    (m,) = extract(body).meetings
    assert (m["meeting_type"], [p["name"] for p in m["participants"]]) == (
        "other",
        ["Prabowo Subianto", "Sidang Kabinet Paripurna"],
    )


def test_a_source_reached_by_phone_is_no_call():
    body = (
        '"Benar, dia sudah diberhentikan," ujar Kasubbid Penmas Polda Sumut AKBP Siti Rohani saat dihubungi '
        "Kompas.com melalui telepon seluler, Selasa (4/11/2025)."
    )
    assert extract(body).meetings == []


def test_press_conference_signing_a_decree_and_a_welcome_at_the_airport_are_not_meetings():
    body = "Menteri Keuangan Sri Mulyani dan Gubernur BI Perry Warjiyo menggelar konferensi pers di Jakarta."
    assert extract(body).meetings == []
    decree = "Presiden AS Donald Trump menandatangani Peraturan Presiden (executive order) pada Kamis (19/6/2025)."
    assert extract(decree).meetings == []
    welcome = "Turun dari pesawat, Presiden Afrika Selatan Cyril Ramaphosa disambut Menteri Perdagangan Budi Santoso."
    assert extract(welcome).meetings == []


def test_his_meeting_with_someone_named_is_a_meeting_of_the_one_named_before():
    body = (
        "Presiden Prabowo Subianto bertemu Presiden Komisi Eropa Ursula von der Leyen di Brussel, Minggu "
        "(13/7/2025). Lalu, dia menjelaskan pertemuannya berlanjut dengan Raja Belgia, Raja Philippe, di Istana "
        "Laeken pada Minggu (13/7/2025)."
    )
    names = [{p["name"] for p in m["participants"]} for m in extract(body).meetings]
    assert names == [{"Prabowo Subianto", "Ursula von der Leyen"}, {"Prabowo Subianto", "Philippe"}]


def test_a_meeting_told_of_again_after_usai_is_the_one_reported():
    body = (
        "Susilo Bambang Yudhoyono dan Joko Widodo bertemu di Istana Negara, Sabtu (14/6/2025). "
        "Juru bicara Demokrat Herzaky Mahendra menyinggung pernyataan Presiden Jokowi usai pertemuan. "
        "Perdana Menteri Jepang Shigeru Ishiba dan Presiden Prabowo Subianto membahas perdagangan di sela-sela "
        "pertemuan."
    )
    names = [{p["name"] for p in m["participants"]} for m in extract(body).meetings]
    assert names == [{"Susilo Bambang Yudhoyono", "Joko Widodo"}, {"Shigeru Ishiba", "Prabowo Subianto"}]


def test_a_working_meeting_with_a_commission_has_the_commission_as_the_other_side():
    body = (
        "Presiden Prabowo Subianto melantik pejabat baru di Istana. "
        "Dalam rapat kerja dengan Komisi II DPR RI, Menteri PU Basuki Hadimuljono meminta dukungan anggaran."
    )
    [m] = extract(body).meetings
    assert {p["name"] for p in m["participants"]} == {"Basuki Hadimuljono", "Komisi II DPR RI"}


def test_an_audience_retold_with_an_organisation_beside_the_host_is_one_meeting():
    body = (
        "Ketua DPR RI Puan Maharani menerima audiensi dari sejumlah tokoh publik di Kompleks Parlemen. "
        "Sementara itu, Siti Zuhro sebagai perwakilan Majelis Mujadalah mengungkap isi pertemuannya dengan Puan."
    )
    assert len(extract(body).meetings) == 1


def test_a_planned_silaturahim_with_a_group_is_a_meeting():
    body = "Pada Kamis (19/6/2025), Wapres Ma'ruf Amin akan bersilaturahim dengan ulama pesantren se-Madura."
    [m] = extract(body).meetings
    assert (m["status"], m["meeting_type"]) == ("planned", "other")


def test_date_of_the_quote_is_not_the_meeting_date():
    body = (
        "Pertemuan Susilo Bambang Yudhoyono dan Joko Widodo membahas bangsa, kata juru bicara Demokrat "
        "kepada wartawan, Minggu (15/6/2025)."
    )
    [m] = extract(body).meetings
    assert m["meeting_date"] is None


@pytest.mark.parametrize(
    "body, kind, status, countries",
    [
        (
            "Indonesia dan Malaysia menandatangani nota kesepahaman di bidang energi pada Senin (16/6/2025).",
            "agreement",
            "signed",
            ["IDN", "MYS"],
        ),
        (
            "Indonesia dan Jepang sepakat memperkuat kerja sama di bidang maritim dan perikanan.",
            "cooperation",
            "agreed",
            ["IDN", "JPN"],
        ),
        (
            "Indonesia dan Vietnam berencana menjalin kerja sama di bidang ekonomi digital.",
            "cooperation",
            "planned",
            ["IDN", "VNM"],
        ),
        (  # the summit's place is no party to the treaty
            "Amerika Serikat dan Rusia menandatangani perjanjian itu di Reykjavik, Islandia, Senin (16/6/2025).",
            "agreement",
            "signed",
            ["RUS", "USA"],
        ),
        (
            "Pemprov NTB akan melobi Kemenkeu untuk menambah alokasi dana transfer ke daerah.",
            "pledge",
            "planned",
            ["IDN"],
        ),
        (
            "Pemerintah Jepang berkomitmen memberikan hibah untuk pembangunan pelabuhan di Patimban.",
            "pledge",
            "agreed",
            ["JPN"],
        ),
        (
            "Kedua menteri dijadwalkan akan meneken MoU kerja sama digital antara Indonesia dan Vietnam pada "
            "September 2025.",
            "agreement",
            "planned",
            ["IDN", "VNM"],
        ),
        (  # the promise is made now, though what it promises is still to come
            "Menteri Luar Negeri Sugiono berjanji akan memulangkan seluruh WNI korban penipuan daring.",
            "pledge",
            "agreed",
            ["IDN"],
        ),
        (
            "Presiden Rusia Vladimir Putin bersedia menambah pasokan gas alam cair bagi Pertamina.",
            "pledge",
            "agreed",
            ["RUS"],  # the party is who promises (as the gold has it), not whom it is for
        ),
        (  # a signed cooperation is an agreement, even with no instrument named
            "Indonesia dan Korea Selatan telah melakukan penandatanganan kerja sama di bidang pariwisata.",
            "agreement",
            "signed",
            ["IDN", "KOR"],
        ),
        (
            "Pemerintah Indonesia telah menawarkan untuk mengirim pasukan penjaga perdamaian ke Gaza.",
            "pledge",
            "agreed",
            ["IDN"],
        ),
        (  # a named party's plain plan
            "Menurut Gedung Putih, Amerika Serikat dan Australia masing-masing akan menginvestasikan $1 miliar.",
            "pledge",
            "planned",
            ["AUS", "USA"],
        ),
        (
            "Di sela KTT APEC, Presiden AS Donald Trump bertemu Presiden China Xi Jinping dan mencapai kesepakatan "
            "perdagangan.",
            "agreement",  # a deal reached, told by its noun
            "agreed",
            ["CHN", "USA"],
        ),
        (  # "pihaknya": the speaker's side
            "Kepala Dinas Kelautan DKI Jakarta Chico Hakim menyatakan pihaknya akan mengumpulkan masalah nelayan.",
            "pledge",
            "planned",
            ["IDN"],
        ),
        (  # who plans is the party, not where the plan goes
            "Indonesia bakal memindahkan data pribadi ke Amerika Serikat (AS).",
            "pledge",
            "planned",
            ["IDN"],
        ),
        (
            "Pemerintah Indonesia akan memulangkan dua narapidana asal Inggris pada November.",
            "pledge",
            "planned",
            ["IDN"],
        ),
        (
            "Dia menyebutkan, pemerintah Indonesia dan Pakistan juga menjalin kerja sama di bidang pendidikan.",
            "cooperation",
            "agreed",
            ["IDN", "PAK"],
        ),
        (
            "Presiden China Xi Jinping mengumumkan bahwa negaranya akan menjadi tuan rumah KTT APEC 2026 di Shenzhen.",
            "pledge",
            "planned",
            ["CHN"],
        ),
        (
            "Para pemimpin Amerika Serikat dan China menandatangani deklarasi tentang kecerdasan buatan.",
            "agreement",
            "signed",
            ["CHN", "USA"],
        ),
        (  # "pihaknya": the speaker's side, here with a partner
            "Gubernur Bali Wayan Koster menegaskan bahwa pihaknya bersama Satgas Pariwisata akan menghentikan "
            "pembangunan vila ilegal.",
            "pledge",
            "planned",
            ["IDN"],
        ),
        (  # talks that produced an agreement
            "Pembicaraan bilateral Amerika Serikat dan China di Jenewa menghasilkan kesepakatan sementara untuk "
            "menurunkan tarif.",
            "agreement",
            "agreed",
            ["CHN", "USA"],
        ),
        (
            "Pemprov DKI Jakarta juga akan bekerja sama dengan Kementerian Lingkungan Hidup dan Kehutanan (KLHK).",
            "cooperation",
            "planned",
            ["IDN"],
        ),
        (  # an agreement told by its noun
            "Presiden Korea Selatan Lee Jae-myung mengumumkan kesepakatan perdagangan baru dengan Amerika Serikat.",
            "agreement",
            "agreed",
            ["KOR", "USA"],
        ),
        (
            "Exim Bank Amerika Serikat menandatangani tujuh surat minat investasi dengan perusahaan Australia.",
            "agreement",
            "signed",
            ["AUS", "USA"],
        ),
        (  # a bill both sides agree on
            "Komisi III DPR dan pemerintah menyepakati revisi Kitab Undang-Undang Hukum Acara Pidana atau KUHAP.",
            "agreement",
            "agreed",
            ["IDN"],
        ),
        (  # money set aside is a promise of it
            "Pemerintah Malaysia mengalokasikan RM 2 miliar untuk pelatihan tenaga kerja muda.",
            "pledge",
            "agreed",
            ["MYS"],
        ),
        (
            "Menteri Investasi Rosan Roeslani menyampaikan komitmen pemerintah untuk mempercepat proyek kereta cepat.",
            "pledge",
            "agreed",
            ["IDN"],
        ),
        (  # what two sides agree to do, they do together
            "Menteri Kesehatan Budi Gunadi Sadikin dan Menteri Kesehatan Malaysia Dzulkefly Ahmad bertemu di Jakarta. "
            "Keduanya sepakat untuk menekan penyebaran demam berdarah di wilayah perbatasan.",
            "cooperation",
            "agreed",
            ["IDN", "MYS"],
        ),
    ],
)
def test_commitments(body, kind, status, countries):
    [c] = extract(body).commitments
    assert (c["kind"], c["status"], c["party_countries"]) == (kind, status, countries)


@pytest.mark.parametrize(
    "body",
    [
        "Presiden berharap Indonesia dan Malaysia dapat menandatangani perjanjian perbatasan.",
        "Pemerintah perlu memperkuat kerja sama dengan negara tetangga.",
        "Menteri mengajak para investor untuk berinvestasi di Ibu Kota Nusantara.",
        "Presiden Rusia Vladimir Putin mengharapkan perjanjian dagang dengan Indonesia bisa segera disepakati.",
        "Dalam pidatonya, Presiden meminta semua pihak siap menghadapi tantangan global.",
        "Kementerian Kelautan dan Perikanan akan terus mengawasi pelaksanaan kegiatan di pesisir.",
        "- Bersedia mengikuti seluruh rangkaian seleksi hingga selesai.",  # an item of a list of requirements
        # a plan of what is no promise: a state or change, an order, a projection
        "Indonesia akan menghadapi Irak pada laga kedua Grup F.",
        "Pemprov DKI Jakarta bakal mengenakan sanksi kepada pegawai yang melanggar.",
        "Ekonom memperkirakan Bank Sentral Amerika Serikat akan memangkas suku bunga.",
        '"Pada prinsipnya, Polri siap mendukung apa pun yang menjadi kebijakan pemerintah," ujarnya.',
        # a bill on a legislature's agenda promises nothing
        "Komisi III DPR akan membahas RUU Perampasan Aset pekan depan.",
        # describing something as a commitment promises nothing new
        "Transformasi ini menjadi komitmen KAI untuk menghadirkan perjalanan yang nyaman.",
        # a thing as the subject states an effect; announcing is no promise
        '"Ini akan memberikan daya saing yang baik bagi perdagangan Indonesia ke Uni Eropa," ujarnya.',
        "PT KAI akan segera mengumumkan pembukaan kembali pemesanan tiket Desember.",
        "Menurutnya, dalam tiga tahun ke depan Indonesia akan memiliki mobil buatan sendiri.",
        '"Kami akan segera menginformasikannya kepada publik," ujar Susiwijono.',
        # the noun describes an agreement that exists; it reports none
        '"Kesepakatan kami dibangun atas dasar saling menghormati dan kerja sama," kata Duta Besar Inggris Dominic '
        "Jermey.",
        "Tidak tertutup kemungkinan kami akan memperjuangkan gugatan baru, kata Menteri Hukum Supratman Andi Agtas.",
        # a relative clause describes someone: no promise is made
        "Partai Gerindra membutuhkan kader yang selalu siap mengabdi kepada masyarakat di desa.",
        "Bank Dunia memuji negara-negara yang berkomitmen menurunkan emisi karbon.",
    ],
)
def test_hopes_needs_and_invitations_are_not_commitments(body):
    assert extract(body).commitments == []


def test_a_misspelt_signing_is_still_a_signing_meeting():
    """'Penandatangan' for 'penandatanganan' is a common slip in Indonesian news."""
    [m] = extract(
        "Penandatangan nota kesepahaman dilakukan oleh Wali Kota Bandung Muhammad Farhan dan Wali Kota Kyoto "
        "Koji Matsui pada Jumat (13/6/2025)."
    ).meetings
    assert {p["name"] for p in m["participants"]} == {"Muhammad Farhan", "Koji Matsui"}
    assert (m["meeting_type"], m["meeting_date"]) == ("bilateral", dt.date(2025, 6, 13))


def test_same_mou_mentioned_twice_is_one_commitment():
    body = (
        "Indonesia dan Vietnam akan menandatangani MoU pada September 2025. "
        '"Kami akan menandatangani MoU itu segera," kata Menteri.'
    )
    assert len([c for c in extract(body).commitments if c["kind"] == "agreement"]) == 1


def test_due_date_of_a_planned_signing_has_month_precision():
    body = "Indonesia dan Vietnam akan menandatangani MoU di bidang digital pada September 2025."
    [c] = extract(body).commitments
    assert (c["due_date"], c["due_precision"]) == (dt.date(2025, 9, 1), "month")


def test_signing_with_one_named_party_becomes_a_meeting_when_a_later_mention_names_another():
    body = (
        "Wali Kota Malang, Sutiaji, hadir dalam penandatanganan perjanjian kerja sama di Malang, Rabu (23/8/2023). "
        "Cuaca cerah. "
        "Direktur Utama Bank Jatim, Busrul Iman, mengatakan setelah penandatanganan PKS ini pihaknya segera bekerja."
    )
    meetings = extract(body, dt.date(2023, 8, 23)).meetings
    assert len(meetings) == 1
    assert {p["name"] for p in meetings[0]["participants"]} == {"Sutiaji", "Busrul Iman"}
    assert meetings[0]["meeting_date"] == dt.date(2023, 8, 23)


def test_signing_with_one_named_party_and_no_other_is_not_a_meeting():
    body = "Wali Kota Malang, Sutiaji, hadir dalam penandatanganan perjanjian kerja sama di Malang, Rabu (23/8/2023)."
    assert extract(body, dt.date(2023, 8, 23)).meetings == []


def test_a_later_mention_of_the_visit_names_more_attendees_and_the_type():
    body = (
        "Sekretaris Daerah DKI Jakarta Joko Agus Setyono melakukan pertemuan dengan delegasi Ho Chi Minh City. "
        "Wakil Ketua Komite Rakyat Ho Chi Minh City Bui Xuan Cuong menyampaikan, kunjungan tersebut penting."
    )
    (m,) = extract(body).meetings
    assert m["meeting_type"] == "visit"
    assert {(p["name"], p["country_code"]) for p in m["participants"]} == {
        ("Joko Agus Setyono", "IDN"),
        ("Bui Xuan Cuong", "VNM"),
    }


def test_a_meeting_without_a_date_takes_the_day_last_given_for_its_party():
    body = (
        "Presiden Prabowo Subianto tiba di Pakistan pada Senin (8/12/2025). "
        "Kedatangan Prabowo disambut oleh Perdana Menteri Pakistan Shehbaz Sharif di Islamabad."
    )
    (m,) = extract(body, dt.date(2025, 12, 9)).meetings
    assert m["meeting_date"] == dt.date(2025, 12, 8)
    assert m["city"] == "Islamabad"


def test_the_speaker_of_a_quote_is_not_a_party_to_the_meeting_it_tells_of():
    body = (
        "“Jadi pertemuan beliau dengan Presiden Joko Widodo kemarin itu dalam rangka pamitan,” "
        "kata Kepala Badan Komunikasi Partai Demokrat Herzaky Mahendra Putra kepada wartawan."
    )
    assert extract(body).meetings == []


def test_a_sentence_referring_back_to_a_meeting_gives_its_place_only_when_it_says_in():
    body = (
        "Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri Malaysia Mohamad Hasan, Senin (16/6/2025). "
        "Selain membahas rencana berangkat ke Tokyo, pertemuan itu juga membahas perdagangan."
    )
    (m,) = extract(body).meetings
    assert m["city"] is None


def test_an_unnamed_group_on_the_other_side_is_a_participant_until_someone_there_is_named():
    body = "Kedatangan Presiden Prabowo Subianto disambut mahasiswa Indonesia yang berada di Islamabad."
    (m,) = extract(body, dt.date(2025, 12, 9)).meetings
    assert {(p["name"], p["country_code"]) for p in m["participants"]} == {
        ("Prabowo Subianto", "IDN"),
        ("mahasiswa Indonesia", "IDN"),
    }
    body = (
        "Sekretaris Daerah DKI Jakarta Joko Agus Setyono melakukan pertemuan dengan delegasi Ho Chi Minh City. "
        "Dalam pertemuan tersebut, Wakil Ketua Komite Rakyat Ho Chi Minh City Bui Xuan Cuong menyampaikan terima kasih."
    )
    (m,) = extract(body).meetings
    assert [p["name"] for p in m["participants"]] == ["Joko Agus Setyono", "Bui Xuan Cuong"]


def test_attendees_of_the_event_named_far_below_it_join_the_meeting():
    filler = " ".join(f"Kalimat pengisi nomor {i} tentang pendidikan pesantren." for i in range(6))
    body = (
        "Menteri Dalam Negeri Muhammad Tito Karnavian meneken kesepakatan bersama dengan Menteri Agama "
        f"Nasaruddin Umar di Jakarta, Selasa (14/10/2025). {filler} "
        "Sebagai informasi, turut hadir pada acara tersebut, Wakil Menteri PU, Diana Kusumastuti."
    )
    (m,) = extract(body, dt.date(2025, 10, 14)).meetings
    assert "Diana Kusumastuti" in {p["name"] for p in m["participants"]}


def test_two_mous_signed_between_two_pairs_are_two_agreements():
    body = (
        "Acara diakhiri dengan penandatanganan 2 MoU antara PT Sinar Jaya (Indonesia) dan Karachi Chamber of "
        "Commerce (Pakistan), serta antara Lahore Pharmaceutical (Pakistan) dan PT Ultra Medika (Indonesia)."
    )
    rows = extract(body).commitments
    assert [(r["kind"], r["status"], r["party_countries"]) for r in rows] == [
        ("agreement", "signed", ["IDN", "PAK"]),
        ("agreement", "signed", ["IDN", "PAK"]),
    ]
    assert len({r["commitment_id"] for r in rows}) == 2
    assert "PT Ultra Medika" in rows[1]["parties"]


def test_each_instrument_of_a_signed_list_is_an_agreement():
    body = (
        "Presiden Prabowo Subianto dan Perdana Menteri Pakistan Shehbaz Sharif bertemu di Islamabad, "
        "Senin (9/12/2025).\n"
        "Indonesia dan Pakistan menandatangani sejumlah dokumen kerja sama.\n"
        "Adapun MoU dan perjanjian yang dipertukarkan, yaitu:\n"
        "1. MoU antara Arsip Nasional Republik Indonesia dan National Archives of Pakistan tentang kearsipan;\n"
        "2. Letter of Intent on Halal Certification;\n"
        "3. Kerja sama Bank Mandiri -- Habib Bank.\n"
        "Kedua pemimpin kemudian makan siang bersama."
    )
    rows = extract(body, dt.date(2025, 12, 9)).commitments
    listed = [r for r in rows if r["evidence"][:2] in ("1.", "2.", "3.")]
    assert [(r["kind"], r["status"], r["instrument"]) for r in listed] == [
        ("agreement", "signed", "MoU"),
        ("agreement", "signed", "LoI"),
        ("agreement", "signed", "MoU"),  # an item naming no instrument has the heading's
    ]
    assert listed[0]["parties"] == ["Arsip Nasional Republik Indonesia", "National Archives of Pakistan"]
    assert listed[1]["parties"] == ["Indonesia", "Pakistan"]  # the item names no sides: the heading's
    assert listed[2]["parties"] == ["Bank Mandiri", "Habib Bank"]
    assert all(r["party_countries"] == ["IDN", "PAK"] for r in listed)
    assert not any(r["evidence"].startswith("Adapun") for r in rows)  # the heading stands for its items


@pytest.mark.parametrize(
    "body, expected",
    [
        (  # the passive: the instrument first, its signing after
            "Kerja sama tersebut juga telah ditandatangani oleh Pemerintah Provinsi Bali dan Pemerintah Kabupaten "
            "Badung.",
            ("agreement", "signed", ["IDN"]),
        ),
        (  # two countries agreeing on something: together, with no cooperation word
            "Pemerintah Indonesia dan Amerika Serikat sudah menyepakati negosiasi tarif impor sebesar 19 persen.",
            ("cooperation", "agreed", ["IDN", "USA"]),
        ),
        (  # a named trade agreement, its signing targeted for a month
            "Penandatanganan resmi IEU-CEPA antara Indonesia dan Uni Eropa ditargetkan berlangsung September 2025.",
            ("agreement", "planned", ["IDN"]),
        ),
        (  # what the signed letter plans is not the letter's status
            "Renault said it and Chrysler have signed a letter of intent in which Chrysler plans to buy American "
            "Motors.",
            ("agreement", "signed", []),
        ),
    ],
)
def test_commitment_shapes(body, expected):
    (row,) = extract(body).commitments
    assert (row["kind"], row["status"], row["party_countries"]) == expected


def test_who_promises_is_named_before_the_promise_not_after_it():
    body = "Presiden Prabowo Subianto menyatakan siap mendukung Israel merdeka asal Palestina juga diakui."
    (row,) = extract(body).commitments
    assert (row["kind"], row["parties"], row["party_countries"]) == ("pledge", ["Prabowo Subianto"], ["IDN"])


def test_a_sentence_repeated_word_for_word_states_one_commitment():
    sentence = "Indonesia dan Vietnam sepakat memperkuat kerja sama di bidang perdagangan. "
    rows = extract(sentence * 50).commitments
    assert len(rows) == 1 and rows[0]["kind"] == "cooperation"


def test_a_question_states_no_commitment():
    assert extract("Apa saja kerja sama yang telah ditandatangani Indonesia dan Prancis?").commitments == []


@pytest.mark.parametrize(
    "body",
    [
        "Menteri Koordinator Airlangga Hartarto menyebut perjanjian ini akan memperluas akses pasar Indonesia.",
        "Airlangga menegaskan, IEU-CEPA akan memperkuat posisi Indonesia dalam perdagangan global.",
        "Pada pertemuan kali ini, Presiden Prabowo Subianto dan Presiden Brasil Lula da Silva rencananya akan "
        "memberikan pernyataan pers bersama.",
        "Dari sana lahir kader Partai Golkar yang bukan hanya pandai berpolitik, tapi juga siap mengabdi bagi bangsa.",
        "Dinas Perhubungan DKI Jakarta bersama Polda Metro Jaya bakal melaksanakan rekayasa lalu lintas di 29 ruas.",
    ],
)
def test_effects_statements_descriptions_and_vague_plans_are_no_commitments(body):
    assert extract(body).commitments == []


def test_a_list_of_requirements_is_no_list_of_agreements():
    body = (
        "Pendaftar wajib melampirkan dokumen pendukung berupa:\n"
        "- Piagam atau sertifikat kejuaraan;\n"
        "- Surat pernyataan yang ditandatangani orang tua."
    )
    assert extract(body).commitments == []


def test_a_hope_in_the_quote_does_not_cancel_the_signing_the_speaker_attended():
    body = (
        "“Saya berharap pengerjaannya bisa secepatnya,” ungkap Wali Kota Malang Sutiaji di sela-sela "
        "penandatanganan Perjanjian Kerja Sama dengan Bank Jatim di Malang, Rabu (23/8/2023)."
    )
    (row,) = extract(body, dt.date(2023, 8, 23)).commitments
    assert (row["kind"], row["status"]) == ("agreement", "signed")


@pytest.mark.parametrize(
    "body, central, absent",
    [
        (  # "Asean" as Kompas writes it counts like "ASEAN"
            "Sekretariat Asean menggelar pertemuan di Jakarta untuk membahas anggaran. Asean menyusun agenda "
            "kawasan. Asean juga membahas pajak dan investasi.",
            "diplomacy",
            None,
        ),
        (  # picking a paint colour is no election
            "Pemilihan warna cat rumah menentukan suasana. Pemilihan warna terang membuat ruangan lega. Desainer "
            "interior menyarankan pemilihan warna netral untuk busana dan fashion rumah.",
            None,
            "politics_elections",
        ),
    ],
)
def test_topic_vocabulary(body, central, absent):
    topics = [t["topic_id"] for t in extract(body).topics]
    if central:
        assert topics[0] == central
    if absent:
        assert absent not in topics


def test_partners_listed_in_one_signing_sentence_each_signed_an_agreement():
    body = (
        "Kementerian Kebudayaan menandatangani sejumlah Nota Kesepahaman bersama kementerian dan lembaga terkait. "
        "Adapun penandatanganan Nota Kesepahaman dilakukan bersama kementerian dan lembaga antara lain Kementerian "
        "Dalam Negeri, Kejaksaan Agung Republik Indonesia, Badan Pengawas Obat dan Makanan, serta Arsip Nasional "
        "Republik Indonesia."
    )
    rows = extract(body).commitments
    assert [r["parties"] for r in rows] == [
        ["Kementerian Kebudayaan", "Kementerian Dalam Negeri"],
        ["Kementerian Kebudayaan", "Kejaksaan Agung Republik Indonesia"],
        ["Kementerian Kebudayaan", "Badan Pengawas Obat dan Makanan"],
        ["Kementerian Kebudayaan", "Arsip Nasional Republik Indonesia"],
    ]
    assert {(r["kind"], r["status"], tuple(r["party_countries"])) for r in rows} == {("agreement", "signed", ("IDN",))}


def test_an_agreement_is_anchored_where_its_sides_are_named():
    body = (
        "Pembangunan terminal ditandai dengan penandatanganan perjanjian konsesi pelabuhan. Penandatanganan "
        "perjanjian konsesi dilakukan oleh Kementerian Perhubungan dan PT Pelabuhan Indonesia Maspion."
    )
    (c,) = extract(body).commitments
    assert c["evidence"].startswith("Penandatanganan perjanjian konsesi dilakukan")
    assert "Kementerian Perhubungan" in c["parties"]


def test_the_heads_of_every_unit_of_a_region_make_a_meeting_multilateral():
    body = (
        "Kejaksaan Tinggi Jawa Barat bersama Pemerintah Provinsi Jawa Barat, Kejari se-Jawa Barat, serta bupati "
        "dan wali kota menandatangani nota kesepahaman di Bandung, Senin (16/6/2025)."
    )
    (m,) = extract(body).meetings
    assert m["meeting_type"] == "multilateral"
    (m,) = extract(body.replace("Kejari se-Jawa Barat", "Kejari Bandung")).meetings
    assert m["meeting_type"] == "bilateral"


def test_one_more_signing_of_a_kind_told_before_is_one_more_agreement():
    body = (
        "Bank Mega Syariah menandatangani perjanjian pembiayaan dengan PT Len Railway Systems di Jakarta. "
        "Bank Mega Syariah juga melakukan penandatanganan Perjanjian Induk Lindung Nilai bersama Bank Syariah "
        "Indonesia (BSI) di acara yang sama. "
        "Perjanjian tersebut ditandatangani oleh Direktur Utama Bank Mega Syariah Yuwono Waluyo dan Direktur "
        "PT Len Railway Systems Budi Santoso."
    )
    rows = [r for r in extract(body).commitments if r["kind"] == "agreement"]
    assert len(rows) == 2  # the third sentence tells the first signing again
    assert "Bank Syariah Indonesia (BSI)" in rows[1]["parties"]  # the bank, not the country in its name


def test_one_person_meeting_a_group_in_another_country_is_other_talks():
    body = (
        "Presiden Prabowo Subianto sowan ke rumah Presiden ke-7 RI Joko Widodo di Solo, Jawa Tengah, Minggu "
        "(15/6/2025). Kesepakatan dagang itu dicapai usai Prabowo bertemu tokoh Uni Eropa di Brussel, Belgia."
    )
    cities = sorted(m["city"] for m in extract(body).meetings)
    assert cities == ["Brussel", "Solo"]


def test_the_city_a_delegation_comes_from_is_not_where_it_met():
    body = (
        "Sekretaris Daerah Joko Agus Setyono melakukan pertemuan dengan delegasi Ho Chi Minh City, Vietnam, "
        "untuk membahas potensi kerja sama."
    )
    (m,) = extract(body).meetings
    assert m["city"] != "Ho Chi Minh City"


def test_a_meeting_word_in_someones_title_is_no_meeting():
    body = (
        "Ketua Posbindu Kelurahan Mojosongo, Dody Sudarsono, menegaskan pentingnya kolaborasi. "
        '"Semua harus bareng-bareng," tegas Dody, yang juga menjabat sebagai Ketua Forum Kesehatan Kelurahan '
        "Mojosongo Budi Santoso."
    )
    assert extract(body).meetings == []


def test_a_quote_opening_with_a_meeting_with_someone_is_the_speakers_meeting():
    body = (
        '"Tadi pertemuan dengan Presiden Joko Widodo membahas kereta cepat," ujar Menteri BUMN Erick Thohir di Jakarta.'
    )
    (m,) = extract(body).meetings
    assert {p["name"] for p in m["participants"]} == {"Joko Widodo", "Erick Thohir"}
    # a meeting as the subject of the quote is no meeting of the speaker's
    body = '"Rapat pemegang saham menyetujui pengunduran diri komisaris," ujar Direktur Utama PT Maju Budi Santoso.'
    assert extract(body).meetings == []


def test_an_instrument_named_with_its_two_sides_is_an_agreement_in_force():
    (c,) = extract("Agus mengatakan adapula nota kesepahaman TNI dengan Kejaksaan Nomor 4 Tahun 2023.").commitments
    assert (c["kind"], c["status"], c["instrument"]) == ("agreement", "signed", "MoU")
    assert extract("Agus mengatakan nota kesepahaman itu penting bagi prajurit.").commitments == []


def test_one_person_meeting_a_group_is_bilateral_unless_it_is_a_gathering():
    (m,) = extract("Presiden Prabowo Subianto bertemu tokoh Uni Eropa di Brussel, Belgia, Minggu (13/7/2025).").meetings
    assert m["meeting_type"] == "bilateral"
    (m,) = extract("Presiden Prabowo Subianto bersilaturahmi dengan para ulama di Bogor, Minggu (13/7/2025).").meetings
    assert m["meeting_type"] == "other"
