import pytest

from kabar.people import ArticlePeople, attribute_pronouns, attribute_quotes, find_mentions, find_organizations


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "usai pertemuan dengan Menteri Informasi dan Komunikasi Vietnam Nguyen Manh Hung di Hotel",
            [("Nguyen Manh Hung", "Menteri Informasi dan Komunikasi", "VNM")],
        ),
        (
            "oleh Menteri Komunikasi dan Informatika Republik Indonesia (Menkominfo RI), Johnny G Plate usai",
            [("Johnny G Plate", "Menteri Komunikasi dan Informatika", "IDN")],
        ),
        ("sang suami, Presiden Prancis Emmanuel Macron, dalam", [("Emmanuel Macron", "Presiden", "FRA")]),
        ("Menaker Yassierli hadir", [("Yassierli", "Menteri Ketenagakerjaan", None)]),
        (
            "dengan Direktur Jenderal (Dirjen) ILO, Gilbert F. Houngbo, di",
            [("Gilbert F. Houngbo", None, None)],
        ),
        (
            "Ketua Perhimpunan Hotel dan Restoran Indonesia (PHRI) Jatim, Dwi Cahyono mengatakan",
            [("Dwi Cahyono", "Ketua Perhimpunan Hotel dan Restoran Indonesia Jatim", None)],
        ),
        ("Presiden Komisi Eropa Ursula von der Leyen di Brussels", [("Ursula von der Leyen", None, None)]),
        (
            "dilakukan Secretary of State for Foreign, Commonwealth, and Development Affairs of the United Kingdom "
            "Yvette Cooper di Jakarta",
            [("Yvette Cooper", "Secretary of State for Foreign, Commonwealth, and Development Affairs", "GBR")],
        ),
        (
            "Wakil Ketua Komite Rakyat Ho Chi Minh City Bui Xuan Cuong menyampaikan",
            [("Bui Xuan Cuong", "Wakil Ketua Komite Rakyat Ho Chi Minh City", "VNM")],
        ),
        (
            "Menteri Pendidikan Tinggi, Sains, dan Teknologi Brian Yuliarto hadir",
            [("Brian Yuliarto", "Menteri Pendidikan Tinggi, Sains, dan Teknologi", None)],
        ),
        (  # an enumerated part the lexicon does not know is still part of the role
            "Menteri Kelautan, Astronomi, dan Perikanan Budi Santoso hadir",
            [("Budi Santoso", "Menteri Kelautan, Astronomi, dan Perikanan", None)],
        ),
        (  # people listed after a title are not a role enumeration
            "Menteri Koordinator Bidang Pangan, Zulkifli Hasan, dan Menteri Keuangan Sri Mulyani hadir",
            [("Zulkifli Hasan", "Menteri Koordinator Bidang Pangan", None), ("Sri Mulyani Indrawati", None, None)],
        ),
        ("pembiayaan Bank Mega Syariah dan Mega Capital naik", []),
        ("Japanese Prime Minister Yasuhiro Nakasone said", [("Yasuhiro Nakasone", "Prime Minister", "JPN")]),
        ("Mr Blair held talks with Mr. Sharon", [("Blair", None, None), ("Sharon", None, None)]),
        ("Setibanya di Malaysia Presiden Prabowo Subianto disambut", [("Prabowo Subianto", "Presiden", "IDN")]),
        (
            "Kepala Biro Humas Kemenkeu Deni Surjantoro mengatakan",
            [("Deni Surjantoro", "Kepala Biro Humas Kemenkeu", None)],
        ),
        ("dengan Kepala Biro OSDM Kemendikti saintek, kemarin", []),
        (
            "bertemu dengan Perdana Menteri Singapura, Yang Mulia Lawrence Wong, dan",
            [("Lawrence Wong", None, "SGP")],
        ),
        (
            "disampaikan oleh Duta Besar Kamboja untuk Perserikatan Bangsa-Bangsa (PBB), Chhea Keo, saat",
            [("Chhea Keo", None, "KHM")],
        ),
        (
            "menerima Utusan Khusus Presiden Bidang Pembinaan Generasi Muda dan Pekerja Seni, Raffi Ahmad, di",
            [("Raffi Ahmad", None, None)],
        ),
        (
            "Menlu Sugiono, Menkeu Sri Mulyani, dan Mendag Budi Santoso hadir",
            [
                ("Sugiono", "Menteri Luar Negeri", None),
                ("Sri Mulyani Indrawati", "Menteri Keuangan", None),
                ("Budi Santoso", "Menteri Perdagangan", None),
            ],
        ),
        (
            "bersama Menteri Pekerjaan Umum (PU), Dody Hanggodo dan Menteri Agama (Menag), Nasaruddin Umar.",
            [("Dody Hanggodo", "Menteri Pekerjaan Umum", None), ("Nasaruddin Umar", "Menteri Agama", None)],
        ),
        ("Kata Mega, itu benar", [("Megawati Soekarnoputri", None, "IDN")]),
        (
            "Rapat itu mengumumkan pengunduran diri Komisaris Independen Resdiansyah",
            [("Resdiansyah", "Komisaris Independen", None)],
        ),
        (  # an institution's name before the appositive comma is no person
            "Jaksa Agung Muda Intelijen Kejaksaan Agung, Reda Manthovani, menghadiri acara itu",
            [("Reda Manthovani", "Jaksa Agung Muda Intelijen Kejaksaan Agung", None)],
        ),
        (  # portfolio words of a long ministry name stay in the role
            "dihadiri Wakil Menteri Desa dan Pembangunan Daerah Tertinggal Ahmad Riza Patria",
            [("Ahmad Riza Patria", "Wakil Menteri Desa dan Pembangunan Daerah Tertinggal", None)],
        ),
        ("Kepala Pemerintah 27 dan Presiden Council-nya juga terima saya", []),  # a possessive is no name
        (  # portfolio words of a ministry no one had listed, and experts' descriptions as titles
            "Menteri Haji dan Umrah Republik Indonesia, Mochamad Irfan Yusuf, bertemu Peneliti Senior BRIN, Siti Zuhro",
            [("Mochamad Irfan Yusuf", "Menteri Haji dan Umrah", "IDN"), ("Siti Zuhro", None, None)],
        ),
        (
            "Diketahui SBY dan Jokowi bertemu",
            [("Susilo Bambang Yudhoyono", None, "IDN"), ("Joko Widodo", None, "IDN")],
        ),
    ],
)
def test_titled_and_known_people(text, expected):
    got = [(m.person.name, m.person.role, m.person.country_code) for m in find_mentions(text)]
    for (name, role, country), (gname, grole, gcountry) in zip(expected, got, strict=True):
        assert gname == name
        if role:
            assert grole == role
        if country:
            assert gcountry == country


def test_short_names_resolve_to_the_full_mention():
    people = ArticlePeople()
    people.resolve("Menteri Komunikasi dan Informatika Johnny G Plate bertemu Menteri Vietnam Nguyen Manh Hung.")
    later = people.resolve("Plate mengatakan bahwa dia dan Hung sepakat.")
    assert [m.person.name for m in later] == ["Johnny G Plate", "Nguyen Manh Hung"]
    assert len(people.people) == 2


def test_organisations_by_head_word():
    names = [m.person.name for m in find_organizations("Pemkot Malang menggandeng Bank Jatim untuk proyek")]
    assert names == ["Pemkot Malang", "Bank Jatim"]


def test_organisations_known_by_short_name_and_where_their_name_ends():
    found = find_organizations("NasDem bertemu Uni Eropa, KPU Makassar, lalu Kepala BRIN Pak Laksana.")
    assert [m.person.name for m in found] == ["NasDem", "Uni Eropa", "KPU Makassar", "BRIN"]
    people = ArticlePeople(language="id")
    assert [people.default_country(m.person) for m in found] == ["IDN", None, "IDN", "IDN"]
    assert [m.person.name for m in find_organizations("Uni Eropa dan PSI", international=False)] == ["PSI"]


def test_alliances_services_courts_and_police_units_are_organisations():
    found = find_organizations("Aliansi Dosen PPPK Indonesia melapor ke Polres Indramayu dan Pengadilan Negeri Serang.")
    assert [m.person.name for m in found] == [
        "Aliansi Dosen PPPK Indonesia",
        "Polres Indramayu",
        "Pengadilan Negeri Serang",
    ]
    assert [ArticlePeople(language="id").default_country(m.person) for m in found] == ["IDN"] * 3


def test_an_organisation_naming_a_country_is_of_that_country():
    found = find_organizations("Menteri Irfan berkunjung ke Kementerian Haji dan Umrah Kerajaan Arab Saudi.")
    assert [m.person.name for m in found] == ["Kementerian Haji dan Umrah Kerajaan Arab Saudi"]
    assert ArticlePeople(language="id").default_country(found[0].person) == "SAU"


def test_speaker_and_subject_pronouns_stand_for_the_person_named_last():
    texts = [
        ("Wali Kota Malang, Sutiaji, meninjau lokasi.", 0),
        ("\u201cSaya berharap segera selesai,\u201d ungkapnya di sela-sela acara.", 50),
        ("Ia menambahkan bahwa anggaran sudah siap.", 120),
        ("Cuaca cerah.", 170),
        ("Wali Kota Malang, Sutiaji, meninjau lokasi.", 200),
        ("Lalu, dia menjelaskan rencana berikutnya.", 250),  # a connective may open the sentence
    ]
    people = ArticlePeople()
    mentions = [people.resolve(t, o) for t, o in texts]
    attribute_pronouns(texts, mentions)
    names = [[m.person.name for m in ms] for ms in mentions]
    assert names == [["Sutiaji"], ["Sutiaji"], ["Sutiaji"], [], ["Sutiaji"], ["Sutiaji"]]


def test_saya_in_a_quote_is_its_speaker_in_every_sentence_the_quote_spans():
    texts = [
        ("\u201cDi London saya ketemu dengan pejabat. Cuaca cerah.", 0),
        ("Saya juga mampir di Belarus,\u201d sambung Presiden Prabowo Subianto.", 60),
        ("Presiden Joko Widodo mengatakan, \u201cKabar baik.", 140),  # named before the quote
        ("Kami siap.\u201d", 190),
        ("\u201cSaya tidak tahu.\u201d Cuaca cerah.", 200),  # said by no one named: nobody added
    ]
    people = ArticlePeople()
    mentions = [people.resolve(t, o) for t, o in texts]
    attribute_quotes(texts, mentions)
    names = [[(m.person.name, m.start) for m in ms] for ms in mentions]
    assert names[0] == [("Prabowo Subianto", 11)]  # at "saya"
    assert names[1][0] == ("Prabowo Subianto", 60)  # "Saya", besides the name after the quote
    assert names[3] == [("Joko Widodo", 190)]
    assert names[4] == []


def test_kepala_negara_and_wapres_stand_for_the_one_indonesian_holder_of_the_role():
    people = ArticlePeople(language="id")
    texts = [
        ("Presiden Prabowo Subianto dan Wakil Presiden (Wapres) Ma\u2019ruf Amin tiba.", 0),
        ("Setelahnya, Kepala Negara disambut, lalu Wapres pergi.", 100),
    ]
    mentions = [people.resolve(t, o, find_mentions(t, o)) for t, o in texts]
    assert [m.person.name for m in mentions[1]] == ["Prabowo Subianto", "Ma'ruf Amin"]
    # with two presidents in the article, "Kepala Negara" is neither
    people = ArticlePeople(language="id")
    texts = [("Presiden Prabowo Subianto menyambut Presiden Prancis Emmanuel Macron.", 0), texts[1]]
    mentions = [people.resolve(t, o, find_mentions(t, o)) for t, o in texts]
    assert "Prabowo Subianto" in [m.person.name for m in mentions[1]]  # Macron is no Indonesian
    people = ArticlePeople(language="id")
    texts = [("Presiden Joko Widodo dan Presiden Prabowo Subianto hadir.", 0), texts[1]]
    mentions = [people.resolve(t, o, find_mentions(t, o)) for t, o in texts]
    assert [m.person.name for m in mentions[1]] == []


def test_an_unknown_holder_of_a_bare_head_of_state_title_is_not_taken_for_indonesian():
    people = ArticlePeople(language="id")
    found = {m.person.name: m.person for m in people.resolve("Presiden Lee Jae Myung bertemu Menteri Sugiono.")}
    assert people.default_country(found["Lee Jae Myung"]) is None
    assert people.default_country(found["Sugiono"]) == "IDN"
    assert people.default_country(people.resolve("Presiden Prabowo Subianto hadir.")[0].person) == "IDN"
    # an official of an international body is not Indonesian for want of a country
    (official,) = people.resolve("Komisioner Perdagangan Uni Eropa Maros Sefcovic hadir.")
    assert people.default_country(official.person) is None


def test_an_untitled_name_joined_to_a_known_person_is_a_person():
    people = ArticlePeople(language="id")
    names = [m.person.name for m in people.resolve("Penandatanganan disaksikan oleh Prabowo dan Shehbaz Sharif.")]
    assert names == ["Prabowo Subianto", "Shehbaz Sharif"]
    names = [m.person.name for m in people.resolve("Anwar Ibrahim dan Presiden Prabowo Subianto bertemu.")]
    assert names == ["Anwar Ibrahim", "Prabowo Subianto"]
    # a place, an organisation or a single word is not taken for a name
    for text in ("Prabowo dan Kuala Lumpur.", "Prabowo dan Partai Gerindra.", "Prabowo dan Gibran."):
        assert [m.person.name for m in ArticlePeople(language="id").resolve(text)] == ["Prabowo Subianto"], text


def test_a_role_on_its_own_is_the_one_person_the_article_gave_it():
    people = ArticlePeople(language="id")
    people.resolve("Konferensi dipimpin Direktur Jenderal ILO Gilbert F Houngbo dan Menteri Sugiono.")
    later = people.resolve("Ia bertemu dengan Direktur Jenderal ILO, lalu dengan para Direktur Jenderal ILO lain.")
    assert [m.person.name for m in later] == ["Gilbert F Houngbo"]
    # the same title before a name is that person's; a deputy is someone else
    assert [m.person.name for m in people.resolve("Wakil Direktur Jenderal ILO hadir.")] == []


def test_companies_by_the_word_that_ends_their_name():
    text = "PT Pangan Lestari bekerja sama dengan perusahaan Jepang Mitsui & Co., Ltd dan CEO Maspion Group Alim."
    names = [m.person.name for m in find_organizations(text)]
    assert names == ["PT Pangan Lestari", "Mitsui & Co., Ltd", "Maspion Group"]
    assert [m.person.name for m in find_organizations("kontraktor asal China, China Chengda Engineering Co Ltd")] == [
        "Chengda Engineering Co Ltd"
    ]


def test_a_short_title_two_people_hold_joins_neither_and_stands_for_neither():
    people = ArticlePeople(language="id")
    found = people.resolve("Menlu Sugiono bertemu Menlu Malaysia Mohamad Hasan.")
    assert [m.person.name for m in found] == ["Sugiono", "Mohamad Hasan"]
    assert people.resolve("Menlu mengatakan kedua negara sepakat.") == []


def test_a_second_organisation_after_dan_is_a_second_organisation():
    text = "Direktorat Jenderal Pajak (DJP) dan Direktorat Jenderal Perimbangan Keuangan bersama pemerintah (Pemda)"
    names = [m.person.name for m in find_organizations(text)]
    assert names == ["Direktorat Jenderal Pajak (DJP)", "Direktorat Jenderal Perimbangan Keuangan", "Pemda"]
    assert find_organizations("Badan Pengawas Obat dan Makanan")[0].person.name == "Badan Pengawas Obat dan Makanan"


@pytest.mark.parametrize(
    "text, name, found",
    [
        ("Megawati berdiskusi dengan Al Gore, Mantan Wakil Presiden Amerika Serikat, tentang iklim.", "Al Gore", True),
        ("Trump mengatakan kepada Kevin Rudd, Duta Besar Australia untuk AS, bahwa ia kecewa.", "Kevin Rudd", True),
        # a place, one word, or a longer capitalised run before the comma is no such name
        ("Pertemuannya berlanjut dengan Raja Belgia, Raja Philippe.", "Raja Belgia", False),
        ("Menurut Suryawijaya, Presiden Direktur PT Maju, penjualan naik.", "Suryawijaya", False),
        ("Di Saint Petersburg, Presiden Prabowo Subianto bertemu Putin.", "Saint Petersburg", False),
    ],
)
def test_a_name_right_before_its_title_is_a_person(text, name, found):
    assert (name in {m.person.name for m in find_mentions(text)}) is found


def test_a_title_of_an_organisation_with_an_acronym_then_a_comma_names_the_person_after_it():
    text = "Menanggapi hal ini, Kepala Otorita IKN, Basuki Hadimuljono, menegaskan bahwa pihaknya siap."
    (m,) = find_mentions(text)
    assert (m.person.name, m.person.organization) == ("Basuki Hadimuljono", "Otorita IKN")


def test_a_pronoun_attributing_a_quote_stands_for_who_spoke_before_it_not_for_whom_it_names():
    texts = [
        ("\u201cEU Desk adalah simbol ambisi kami,\u201d jelas Duta Besar Uni Eropa Denis Chaibi.", 0),
        ("\u201cIni sejalan dengan strategi kami.", 80),
        ("Saya sangat berbahagia menandatangani Pernyataan Kerja Sama bersama Menteri Rosan Roeslani.", 120),
        ("Ini adalah wujud ambisi bersama,\u201d imbuh dia.", 220),
    ]
    people = ArticlePeople()
    mentions = [people.resolve(t, o) for t, o in texts]
    attribute_pronouns(texts, mentions)
    attribute_quotes(texts, mentions)
    assert [m.person.name for m in mentions[3]] == ["Denis Chaibi"]
    assert {m.person.name for m in mentions[2]} == {"Denis Chaibi", "Rosan Roeslani"}


def test_a_title_in_the_name_of_a_building_is_no_person():
    text = "Mereka bertemu di Rumah Dinas Bupati Agam, Lubuk Basung, lalu ke Kantor Gubernur Sumatera Barat."
    assert find_mentions(text) == []


def test_a_region_the_gazetteer_lacks_ends_at_its_compass_word_and_the_name_follows():
    text = "Natalius Pigai menerima Bupati Flores Timur Anton Doni Dihen di kantornya."
    (m,) = [m for m in find_mentions(text) if m.person.role]
    assert (m.person.name, m.person.role) == ("Anton Doni Dihen", "Bupati Flores Timur")
