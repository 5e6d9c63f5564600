//! The recognizer on small documents in the shapes the systems print.

use super::*;
use crate::agenda::Action;

fn read(text: &str) -> Imported {
    parse(text).unwrap()
}

fn pages(pages: &[&str]) -> Imported {
    let pages: Vec<String> = pages.iter().map(|p| p.to_string()).collect();
    parse_joined(&join_pages(&pages), Depth::Whole).unwrap()
}

fn toc(agenda: &Agenda) -> Vec<(&str, &str, Option<u32>)> {
    agenda
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str(), i.page))
        .collect()
}

/// A committee's minutes of four pages as its system prints them: a running header with the
/// page number, a front page, a contents page with an open and a closed part, two pages of items.
fn kultur() -> Vec<String> {
    let header =
        |n: u32| format!("Udvalget for Kultur\n \nReferat\nDato: 04.12.2012\nSide {n}\n \n");
    vec![
        format!(
            "{}Referat\n \nUdvalget for Kultur\ntirsdag den 4. december 2012, kl. 13:00\ni Mødesal 1\n \nTilstede\nAnne Hansen (A) - formand\nBo Ørsted (V)\n \nAfbud/Fraværende\nCarl Ærø (F)\n",
            header(1)
        ),
        format!(
            "{}INDHOLDSFORTEGNELSE\n \nÅbent referat\n1. Meddelelser\t3\n2. Budget for 2013 og en meget lang titel der går over to\n  linjer\t3\n3. Vejene\t4\n \nLukket referat\n4. Køb af grund\t4\n",
            header(2)
        ),
        format!(
            "{}1. Meddelelser\n \nSagsnr.: 2011-1\n \nUdvalgets beslutning den 04.12.2012 Punkt 1\nTaget til efterretning\n \n2. Budget for 2013 og en meget lang titel der går over to\nlinjer\n \nSagsnr.: 2012-2\n \nIndstilling\nCenter for Kultur indstiller, at\n \nA) budgettet godkendes.\n \nB) rammen fastholdes.\n \nUdvalgets beslutning den 04.12.2012 Punkt 2\nIndstillingen godkendt\n",
            header(3)
        ),
        format!(
            "{}3. Vejene\n \nSagsnr.: 2012-3\n \nSagsfremstilling\nVejene er slidte.\n \n4. Køb af grund\n \nSagsnr.: 2012-4\n",
            header(4)
        ),
    ]
}

#[test]
fn a_running_header_a_plain_contents_page_and_headings_after_it() {
    let got = parse_joined(&join_pages(&kultur()), Depth::Whole).unwrap();
    assert!(got.warnings.is_empty(), "{:?}", got.warned());
    let a = &got.agenda;
    assert_eq!(
        toc(a),
        [
            ("1", "Meddelelser", Some(3)),
            (
                "2",
                "Budget for 2013 og en meget lang titel der går over to linjer",
                Some(3)
            ),
            ("3", "Vejene", Some(4)),
            ("4", "Køb af grund", Some(4)),
        ]
    );
    assert_eq!(a.meeting.body.as_deref(), Some("Udvalget for Kultur"));
    assert_eq!(a.meeting.date.as_deref(), Some("2012-12-04"));
    assert_eq!(a.meeting.time.as_deref(), Some("13:00"));
    assert_eq!(a.meeting.location.as_deref(), Some("Mødesal 1"));
    assert!(a.meeting.minutes);
    assert_eq!(a.meeting.present.len(), 2);
    assert_eq!(a.meeting.absent[0].name, "Carl Ærø");
    assert!(a.items[3].closed, "listed under Lukket referat");
    assert_eq!(a.items[1].recommendations.len(), 2);
    assert_eq!(
        a.items[1].recommendation_intro,
        "Center for Kultur indstiller, at"
    );
    assert_eq!(
        a.items[1].decision.as_ref().unwrap().text,
        "Indstillingen godkendt"
    );
    assert_eq!(
        a.items[0].decision.as_ref().unwrap().text,
        "Taget til efterretning"
    );
    assert_eq!(a.items[2].case_ref.as_deref(), Some("2012-3"));
    assert_eq!(a.items[2].presentation, "Vejene er slidte.");
    for item in &a.items {
        assert!(!item.background.contains("Side"), "{:?}", item.background);
        assert!(!item.presentation.contains("Dato: 04.12.2012"));
    }
}

/// The first pages of a large PDF give its agenda as its table of contents lists it, once a page
/// after the table has begun; until then more pages are needed.
#[test]
fn the_table_of_contents_on_the_first_pages_lists_the_agenda() {
    let all = kultur();
    let listed_by = |count: usize| listed(&join_pages(&all[..count]));
    for count in [1, 2] {
        assert!(
            listed_by(count).is_none(),
            "{count} pages: the table may go on"
        );
    }
    let whole = parse_joined(&join_pages(&all), Depth::Whole).unwrap();
    for count in [3, 4] {
        let got = listed_by(count).expect("the table has ended");
        assert_eq!(toc(&got.agenda), toc(&whole.agenda), "{count} pages");
        assert_eq!(got.agenda.meeting, whole.agenda.meeting, "{count} pages");
        let closed: Vec<bool> = got.agenda.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [false, false, false, true]);
        assert!(
            got.agenda
                .items
                .iter()
                .all(|i| i.recommendations.is_empty())
        );
    }
    // Pages of text without a table never give one.
    let texts: Vec<String> = all[2..].to_vec();
    assert!(listed(&join_pages(&texts)).is_none());
}

/// SBSYS minutes without a table of contents: headings numbered without the last period, each
/// followed at once by its text ("Oplæg:"): a title ends on a line well short of a full one,
/// and goes on after one that fills it.
#[test]
fn headings_without_periods_and_titles_that_end_short_of_the_line() {
    let full = "Der er blevet foretaget et servicevindue, og status på antallet af brugere er god.";
    let page = |n: u32, body: &str| format!("{body}\n \n \nSide {n}\n");
    let got = pages(&[
        &page(
            1,
            &format!(
                "Referat\nMødesystemgruppen\n \nDato: 6. oktober 2016\n \n1 First Agenda\n1.1 Status siden sidst\nOplæg:\n{full}\n{full}\n1.2 Status på udviklingsønskerne og en overskrift der fylder linjen helt ud til\nkanten af siden\nOplæg:\n{full}\n{full}"
            ),
        ),
        &page(
            2,
            &format!(
                "2 GetOrganized\n2.1 Plan for resten af året\nOplæg:\n{full}\n{full}\n3   Eventuelt\n{full}"
            ),
        ),
    ]);
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "First Agenda", Some(1)),
            ("1.1", "Status siden sidst", Some(1)),
            (
                "1.2",
                "Status på udviklingsønskerne og en overskrift der fylder linjen helt ud til kanten af siden",
                Some(1)
            ),
            ("2", "GetOrganized", Some(2)),
            ("2.1", "Plan for resten af året", Some(2)),
            ("3", "Eventuelt", Some(2)),
        ]
    );
    assert!(
        got.agenda.items[1].presentation.contains("servicevindue"),
        "{:?}",
        got.agenda.items[1]
    );
}

/// Acadre's referat as a browser prints it: its own running header with "Side N" in a cell of
/// its own (the browser's "N of 5" above it), a front page with members in two columns under
/// their label and a gap, a one-entry table of contents under its label and a column header,
/// the item numbered by a running counter, and an attachments table before the decision's end.
#[test]
fn acadres_referat_with_its_own_page_numbers_in_the_header() {
    let header = |n: u32, of: u32| {
        format!(
            "{of} of 5\n \nReferat For Udvalget for plan (PUK)\tSide {n}\n20. juni 2013 - kl. 10:30\n \n"
        )
    };
    let got = pages(&[
        "1 of 5\n \nReferat\n \nUdvalget for plan (PUK)\n \nTorsdag den 20. juni 2013\nKl. 10:30\n \nMedlemmer\n \nJesper Mathiesen (A)\tOle Bjerregaard (V)\nOle Bollesen (A)\tSteen Fris (C)\n \nFraværende\n",
        &format!(
            "{}Indholdsfortegnelse\n \nPunkt nr.\tSide\n \n715. Kulturkommune 2017. Politiske fokusområder.............. ........... 2\n",
            header(1, 2)
        ),
        &format!(
            "{}715. Kulturkommune 2017. Politiske fokusområder\nSagsnr.:\t12/27845\n \nSagsfremstilling\nByrådets arbejde med kulturkommunen begyndte i 2012.\n \nBeslutning i Udvalget for plan (PUK) den 20-06-2013\nPunktet blev drøftet.\n \nSagen genoptages på det kommende møde.\n \nBilag\n1 Åben Opsamlingsnotat. Temamøde 20.09.2012\t222359/12\n2 Åben Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409\t73288/09\n",
            header(2, 3)
        ),
        &format!(
            "{}Underskriftsside\n \nJesper Mathiesen (A)\tOle Bjerregaard (V)\n",
            header(3, 4)
        ),
    ]);
    let a = &got.agenda;
    assert_eq!(
        toc(a),
        [("715", "Kulturkommune 2017. Politiske fokusområder", Some(2))]
    );
    let names = a.meeting.present_names();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.contains(&"Steen Fris"), "{names:?}");
    assert!(a.meeting.absent.is_empty(), "{:?}", a.meeting.absent);
    let item = &a.items[0];
    assert_eq!(item.case_ref.as_deref(), Some("12/27845"));
    assert_eq!(
        item.decision.as_ref().unwrap().text,
        "Punktet blev drøftet.\nSagen genoptages på det kommende møde."
    );
    for text in [&item.background, &item.presentation] {
        assert!(!text.contains("Referat For"), "{text:?}");
    }
    // The attachments table's rows, each its title; the signature page is no part of the item.
    assert_eq!(
        item.attachments,
        [
            "Opsamlingsnotat. Temamøde 20.09.2012",
            "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409"
        ]
    );
    assert!(
        !item.presentation.contains("Underskriftsside") && !item.presentation.contains("Jesper"),
        "{:?}",
        item.presentation
    );
}

#[test]
fn punkt_headings_each_on_a_new_page_and_a_contents_without_numbers() {
    let got = pages(&[
        "REFERAT Byrådet d. 27-08-2025\n \nMødedato Onsdag d. 27. august 2025 kl. 16:00\n \nMødested Byrådssalen",
        "Indholdsfortegnelse\n \nGodkendelse af dagsorden.......................\t3\nSvar på forslag om parkering i de kommunale P-huse i midtbyen.......\t4\nLukket: Køb af jord...................\t5",
        "Punkt 1: Godkendelse af dagsorden\n \nEMN-2023-009832\nBeslutninger\nGodkendt.",
        "Punkt 2: Svar på forslag om parkering i de kommunale P-huse i\n \nmidtbyen\n \nEMN-2025-003928\n \nBeslutninger\n \nTilbagesendes med bemærkning.\n \nFORSLAG FRA KF\n1. Byrådet beslutter noget.\n2. Byrådet beslutter mere.\n \nBeslutningspunkter\n \nDet indstilles:\nAt 1) forslaget indgår i processen.\nAt 2) der indledes dialog med de private.\n \nBorgmesterens Afdelings påtegning\n \nFremsendes til Magistraten.",
        "Punkt 3: Lukket: Køb af jord\n \nEMN-2025-007940\nTilbagesendes.",
    ]);
    let a = &got.agenda;
    assert!(got.warnings.is_empty(), "{:?}", got.warned());
    assert_eq!(
        toc(a),
        [
            ("1", "Godkendelse af dagsorden", Some(3)),
            (
                "2",
                "Svar på forslag om parkering i de kommunale P-huse i midtbyen",
                Some(4)
            ),
            ("3", "Lukket: Køb af jord", Some(5)),
        ]
    );
    assert_eq!(a.meeting.body.as_deref(), Some("Byrådet"));
    assert_eq!(a.meeting.time.as_deref(), Some("16:00"));
    assert_eq!(a.meeting.location.as_deref(), Some("Byrådssalen"));
    assert_eq!(a.items[1].case_ref.as_deref(), Some("EMN-2025-003928"));
    assert_eq!(
        a.items[1].recommendations.len(),
        2,
        "{:?}",
        a.items[1].recommendations
    );
    assert_eq!(
        a.items[1].decision.as_ref().unwrap().text,
        "Tilbagesendes med bemærkning."
    );
    assert!(a.items[2].closed);
}

#[test]
fn a_running_counter_without_contents() {
    let got = read(
        "Dagsorden\n\nUdvalget\n\n715. Kulturkommune 2017\n\nSagsnr.: 12/27845\n\nResumé\nEn plan.\n\n716. Biblioteker\n\nSagsnr.: 12/1\n\nSagsfremstilling\nTekst.\n",
    );
    assert_eq!(
        toc(&got.agenda),
        [
            ("715", "Kulturkommune 2017", None),
            ("716", "Biblioteker", None)
        ]
    );
    assert_eq!(got.agenda.items[0].background, "En plan.");
}

/// A web portal's referat (Holbæk): its facts under labels of their own, the items listed
/// without pages, then each item under its heading again. The headings are the ones over the
/// texts, not the list's.
#[test]
fn a_list_of_the_items_above_their_texts_is_not_their_headings() {
    let got = read(
        "UDVALG\n\nUdvalget for Ældre og Sundhed\n\nMØDE\n\nReferat\n\nSTED\n\nKanalstræde 2, mødelokale 0.21\n\nSTARTTIDSPUNKT\n\n04-06-2020 09:00:00\n\nSLUTTIDSPUNKT\n\n04-06-2020 11:00:00\n\nPUNKTER\n\n49. Godkendelse af dagsorden\n50. Orientering om udgiftsdrivere\n51. Underskriftsark\n\n49. Godkendelse af dagsorden\n\nIndstilling\n\nAdministrationen indstiller, at dagsordenen godkendes.\n\nBeslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nGodkendt\n\n50. Orientering om udgiftsdrivere\n\nIndstilling\n\nAdministrationen indstiller, at orienteringen tages til efterretning.\n\nBeslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nTaget til efterretning\n\n51. Underskriftsark\n",
    );
    let a = &got.agenda;
    assert_eq!(
        a.meeting.body.as_deref(),
        Some("Udvalget for Ældre og Sundhed")
    );
    assert_eq!(a.meeting.time.as_deref(), Some("09:00"));
    let decisions: Vec<&str> = a
        .items
        .iter()
        .map(|i| i.decision.as_ref().map_or("", |d| d.text.as_str()))
        .collect();
    assert_eq!(decisions, ["Godkendt", "Taget til efterretning", ""]);
    assert_eq!(a.items[0].recommendations.len(), 1);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

/// A web page that prints each heading twice (its link's line, then the heading): the copy is
/// no part of the item before.
#[test]
fn a_heading_printed_twice_is_no_text_of_the_item_before() {
    let got = read(
        "Økonomiudvalget – Referat – 1. oktober 2018\n\n1. Godkendelse af dagsorden (B)\n\n1.     Godkendelse af dagsorden (B)\n\nSagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500301   Åbent\nKompetence: Økonomiudvalget\nBeslutningstema\nGodkendelse af dagsorden.\n\nBeslutning i Økonomiudvalget den 1. oktober 2018:\nFraværende:\nGodkendt.\n\n2. Siden sidst (O)\n\n2.     Siden sidst (O)\n\nSagsnr.: 330-2018-3619   Dok.nr.: 330-2018-500312   Åbent\nBeslutning i Økonomiudvalget den 1. oktober 2018:\nTaget til efterretning.\n",
    );
    let a = &got.agenda;
    assert_eq!(a.meeting.body.as_deref(), Some("Økonomiudvalget"));
    assert!(a.meeting.minutes);
    assert_eq!(a.items.len(), 2);
    assert_eq!(a.items[0].decision.as_ref().unwrap().text, "Godkendt.");
    assert_eq!(a.items[0].case_officers, None);
    assert!(!a.items[0].background.contains("Siden sidst"));
}

/// Rødovre's referat: each item's title with its number under it, "Sag nr. 130", and the
/// committees' treatments on its way before this meeting's decision.
#[test]
fn titles_numbered_under_them() {
    let got = read(
        "Kommunalbestyrelsen\n\n24-09-2019\n\nMedlemmer\n\nErik Nielsen (A)\nMichel Berg (A)\n\nSager 129 - 130\n\nSpørgetid\nSag nr. 129\n\nBeslutningskompetence: KB\n\nBeslutning\n\nTaget til efterretning.\n\nTillæg 1 til Lokalplan 145 - endelig vedtagelse\nSag nr. 130\n\nSagens kerne\n\nForslaget har været i høring.\n\nIndstilling\n\nTeknisk Forvaltning indstiller,\n\nat Tillæg 1 til Lokalplan 145 vedtages.\n\nTeknik- og Miljøudvalget, 10. september 2019, pkt. 65:\n\nAnbefales.\n\nBeslutning\n\nGodkendt.\n",
    );
    let a = &got.agenda;
    assert_eq!(a.meeting.body.as_deref(), Some("Kommunalbestyrelsen"));
    assert_eq!(
        toc(a),
        [
            ("129", "Spørgetid", None),
            (
                "130",
                "Tillæg 1 til Lokalplan 145 - endelig vedtagelse",
                None
            )
        ]
    );
    let two = &a.items[1];
    assert_eq!(two.clauses(), ["Tillæg 1 til Lokalplan 145 vedtages."]);
    assert_eq!(two.decision.as_ref().unwrap().text, "Godkendt.");
    assert_eq!(two.earlier_decisions.len(), 1);
}

/// Stevns's referat page, printed: a bullet before each item's heading, and a committee's
/// numbered points inside an item's text that are no items.
#[test]
fn bulleted_headings_and_numbered_points_in_a_text() {
    let got = read(
        "Referat\n\n  • 301. Åben dagsorden - godkendelse\n\n    Resume\n\n    Godkendelse af åben dagsorden for KB den 22. januar 2020.\n\n    Beslutning\n\n    Godkendt.\n\n  • 302. Planstrategi 2020\n\n    Resume\n\n    Planstrategien skal i høring.\n\n    Indstilling\n\n    Politik & Borger indstiller, at\n\n    1. Planstrategi 2020 godkendes.\n\n    Arbejdsmarked, Erhverv og Turisme, 6. januar 2020, pkt. 125:\n\n    1. Et flertal anbefaler indstillingen.\n\n    2. Anbefales.\n\n    Beslutning\n\n    Godkendt.\n",
    );
    assert_eq!(
        toc(&got.agenda),
        [
            ("301", "Åben dagsorden - godkendelse", None),
            ("302", "Planstrategi 2020", None)
        ]
    );
    let two = &got.agenda.items[1];
    assert_eq!(two.decision.as_ref().unwrap().text, "Godkendt.");
    assert_eq!(two.earlier_decisions.len(), 1);
}

/// A table in a case text, its cells apart by a tab, keeps a line for each row instead of
/// running its rows together.
#[test]
fn a_tables_rows_stay_lines_of_their_own() {
    let got = read(
        "Dagsorden\n\nUdvalget\n\n1. Budget\n\nSagsnr.: 2012-1\n\nSagsfremstilling\nMidlerne fordeles således mellem de indsatser, som centret har peget på i sit oplæg:\nSygeplejeklinik (udvidet åbningstid)\t200.000 kr.\nKompetenceudvikling af medarbejderne\t250.000 kr.\nI alt\t450.000 kr.\n\n2. Eventuelt\n\nSagsnr.: 2012-2\n",
    );
    let text = &got.agenda.items[0].presentation;
    assert!(
        text.ends_with("\nSygeplejeklinik (udvidet åbningstid) 200.000 kr.\nKompetenceudvikling af medarbejderne 250.000 kr.\nI alt 450.000 kr."),
        "{text:?}"
    );
}

/// A citizen's letter with numbered questions is no agenda: where no table of contents lists
/// them, numbered paragraphs of several sentences are no item headings. One title with a
/// period inside stays a title.
#[test]
fn a_letters_numbered_questions_are_no_agenda() {
    let letter = "Fra: Havnens Perle\nSendt: 26. august 2025 14:52\n\nKære byrådsmedlem\n\nJeg ønsker at stille følgende spørgsmål:\n\n1. Hvad forstås ved ”positiv særbehandling?” Alle andre butikker har fået lange lejekontrakter? Vi er blevet flyttet 5 gange.\n\nHar vi fået hjælp?\n\n2. Havnens Perle ligger i et attraktivt område. Derfor er priserne stigende. Men alting med priser er abstrakt.\n\n3. Havnens Perle har ligget i området i 62 år. Jeg husker de første planer. I ingen af dem stod det.\n";
    assert!(matches!(parse(letter), Err(ImportError::NoAgenda)));
    let got = read(
        "Dagsorden\n\nUdvalget\n\n715. Kulturkommune 2017. Politiske fokusområder\n\nSagsnr.: 12/27845\n\n716. Biblioteker\n\nSagsnr.: 12/1\n",
    );
    assert_eq!(got.agenda.items.len(), 2);
}

#[test]
fn a_contents_page_never_becomes_the_agenda() {
    // The table's titles without leaders, the headings after it: items come from the headings,
    // on their own pages.
    let got = pages(&[
        "Dagsorden\n \n1.    Godkendelse af dagsorden    2\n2.    Udpegninger    2\n3.    Eventuelt    3",
        "1. Godkendelse af dagsorden\n \nSAG-2025-00001\n \n2. Udpegninger\n \nSAG-2025-00002",
        "3. Eventuelt\n \nSAG-2025-00003",
    ]);
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Godkendelse af dagsorden", Some(2)),
            ("2", "Udpegninger", Some(2)),
            ("3", "Eventuelt", Some(3)),
        ]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warned());
}

#[test]
fn a_contents_that_disagrees_with_the_text_is_a_warning() {
    let got = pages(&[
        "Indholdsfortegnelse\n1. Godkendelse\t2\n2. Budget\t2\n3. Veje\t3",
        "1. Godkendelse\n \nSAG-2025-00001\n \n2. Budget\n \nSAG-2025-00002",
    ]);
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Godkendelse", Some(2)),
            ("2", "Budget", Some(2)),
            ("3", "Veje", Some(3)),
        ]
    );
    assert!(got.warned()[0].contains("3 \"Veje\""), "{:?}", got.warned());
}

#[test]
fn closed_titles_in_any_case() {
    for title in [
        "Lukket: Køb af jord",
        "LUKKET PUNKT: Salg",
        "(lukket) Personsag",
    ] {
        assert!(is_closed_title(title), "{title}");
    }
    for title in ["Lukketid for institutioner", "Lukket", "Ø", ""] {
        assert!(!is_closed_title(title), "{title}");
    }
}

/// A listed entry the text never heads (a public agenda leaves its closed items' texts out) is
/// still an item, at the table's page and without text, for the chair to meet and the
/// secretary to record; the warning names it. The items around it keep their own texts. A text
/// without page marks gives its headed items the table's pages too.
#[test]
fn entries_the_text_never_heads_stay_on_the_agenda_without_text() {
    let got = read(
        "Indhold\n1. Meddelelser ........ 2\n2. Budget ........ 3\n3. Vejene ........ 4\nLukkede punkter\n4. Køb af grund ........ 5\n\n1. Meddelelser\nSagsnr.: 2011-1\nTekst.\n\n3. Vejene\nSagsnr.: 2011-3\nTekst.\n",
    );
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Meddelelser", Some(2)),
            ("2", "Budget", Some(3)),
            ("3", "Vejene", Some(4)),
            ("4", "Køb af grund", Some(5)),
        ]
    );
    let items = &got.agenda.items;
    let case_refs: Vec<_> = items.iter().map(|i| i.case_ref.as_deref()).collect();
    assert_eq!(case_refs, [Some("2011-1"), None, Some("2011-3"), None]);
    assert!(items[1].background.is_empty() && items[1].presentation.is_empty());
    let closed: Vec<bool> = items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [false, false, false, true]);
    assert_eq!(
        got.warned(),
        [
            "the table of contents lists 2 entries not found as a heading in the text: 2 \"Budget\", 4 \"Køb af grund\"; they are on the agenda at the table's page, without text"
        ]
    );
}

/// A table of which the text heads less than half is not the agenda's: the entries it has
/// alone are not made items (a case text's list of annexes with pages stays out).
#[test]
fn entries_of_a_table_the_text_mostly_never_heads_are_left_out() {
    let got = read(
        "Indhold\n1. Meddelelser ........ 2\n2. Budget ........ 3\n3. Vejene ........ 4\n\n1. Meddelelser\nSagsnr.: 2011-1\nTekst.\n\n2. Skolerne\nSagsnr.: 2011-2\nTekst.\n",
    );
    let numbers: Vec<&str> = got.agenda.items.iter().map(|i| i.number.as_str()).collect();
    assert!(!numbers.contains(&"3"), "{numbers:?}");
    assert!(
        got.warned()
            .iter()
            .any(|w| w.contains("3 \"Vejene\"") && !w.contains("without text")),
        "{:?}",
        got.warned()
    );
}

/// The searches read a gap's text as empty: only printed lines carry text.
#[test]
fn only_printed_lines_have_text() {
    let text =
        "Dagsorden\n\n \n1. Meddelelser\n   \nTekst her.\n\x0cKKR | 2025\nSide 2\n\n2. Budget\n";
    for physical in [false, true] {
        let read = lines::read(text, &mut crate::agenda::Meeting::default(), physical);
        assert!(read.lines.iter().any(|l| l.kind != Kind::Text));
        for line in &read.lines {
            assert!(
                line.kind == Kind::Text || line.as_ref().is_empty(),
                "{line:?}"
            );
        }
    }
}

/// A PDF text of five items numbered `numbers`, each starting a page with its heading, case
/// number ("2025-" and its number) and text, after a table of contents of the items at `listed`
/// (none: no table); `text` is put in the first item's case text.
fn printed_agenda(numbers: [u32; 5], listed: &[usize], text: &str) -> String {
    let titles = [
        "Meddelelser",
        "Budget 2026",
        "Vejene",
        "Skolerne",
        "Eventuelt",
    ];
    let mut out = String::from("Dagsorden\n\n");
    if !listed.is_empty() {
        out.push_str("Indholdsfortegnelse\n\n");
    }
    for &i in listed {
        out.push_str(&format!(
            "{}. {} ........ {}\n",
            numbers[i],
            titles[i],
            i + 2
        ));
    }
    for (i, (n, title)) in numbers.iter().zip(titles).enumerate() {
        out.push_str(&format!(
            "\x0c{n}. {title}\n\nSagsnr.: 2025-{n}\n\nSagsfremstilling\nTeksten om {title}.\n"
        ));
        if i == 0 {
            out.push_str(text);
        }
    }
    out
}

const IN_ORDER: [u32; 5] = [1, 2, 3, 4, 5];
/// A public agenda leaves its closed items out: 4 to 8 are missing.
const SKIPPING: [u32; 5] = [1, 2, 3, 9, 10];

#[test]
fn an_item_the_table_of_contents_leaves_out_is_read_from_its_heading() {
    // Item 3 was added after the table was made: its text went to item 2, without a word.
    let got = read(&printed_agenda(IN_ORDER, &[0, 1, 3, 4], ""));
    assert_eq!(got.numbers(), ["1", "2", "3", "4", "5"]);
    let third = &got.agenda.items[2];
    assert_eq!(third.title, "Vejene");
    assert_eq!(third.case_ref.as_deref(), Some("2025-3"));
    assert!(!got.agenda.items[1].presentation.contains("Vejene"));
    assert_eq!(
        got.warned(),
        [
            "item 3 \"Vejene\" is not in the table of contents; it was read from its heading in the text"
        ]
    );
    // Listed whole, nothing is said.
    let whole = read(&printed_agenda(IN_ORDER, &[0, 1, 2, 3, 4], ""));
    assert_eq!(whole.agenda.items.len(), 5);
    assert!(whole.warnings.is_empty(), "{:?}", whole.warned());
}

#[test]
fn a_case_texts_own_numbering_stays_text_beside_the_table_of_contents() {
    for text in [
        // A list, a section of the case text one level deeper than the items, a lone number.
        "\n2. punkt i en liste\n3. punkt i en liste\n",
        "\n1.1. Baggrund for sagen\n\n1.2. Økonomi\n",
        "\n2.\n",
    ] {
        let got = read(&printed_agenda(IN_ORDER, &[0, 1, 2, 3, 4], text));
        assert_eq!(got.numbers(), ["1", "2", "3", "4", "5"], "{text:?}");
        assert!(got.warnings.is_empty(), "{text:?}: {:?}", got.warned());
    }
}

#[test]
fn a_table_of_contents_whose_numbers_skip_is_followed_in_its_order() {
    // 9 and 10 were lost: their texts went to item 3.
    let got = read(&printed_agenda(SKIPPING, &[0, 1, 2, 3, 4], ""));
    assert_eq!(got.numbers(), ["1", "2", "3", "9", "10"]);
    assert_eq!(got.agenda.items[3].case_ref.as_deref(), Some("2025-9"));
    assert!(!got.agenda.items[2].presentation.contains("Skolerne"));
    assert!(
        got.warned()
            .iter()
            .all(|w| !w.contains("table of contents")),
        "{:?}",
        got.warned()
    );
}

#[test]
fn item_headings_whose_numbers_skip_are_read_without_a_table_of_contents() {
    // Each item starts a page and its case number follows: 9 and 10 were read as item 3's text.
    let got = read(&printed_agenda(SKIPPING, &[], ""));
    assert_eq!(got.numbers(), ["1", "2", "3", "9", "10"]);
    assert_eq!(got.agenda.items[4].case_ref.as_deref(), Some("2025-10"));
    // A numbered list inside a case text skips too, but starts no page: it stays text.
    let listed = printed_agenda(SKIPPING, &[], "\n5. et punkt\n\nSagsfremstilling\n");
    assert_eq!(read(&listed).numbers(), ["1", "2", "3", "9", "10"]);
}

/// A text extraction that reads a line's columns apart (pdftotext without `-layout`): headings'
/// numbers above their titles, the contents' pages in a column after the titles, list marks
/// and attachment marks above their texts. Read as the printed lines they were.
#[test]
fn columns_read_apart_are_put_back_together() {
    let got = pages(&[
        "Udvalget\nIndholdsfortegnelse\n1. Budget for skolerne\n2. Vejene i byen og på\nlandet\n\nLukket referat\n\n2\n3\n",
        "1.\n\nBudget for skolerne\nSagsnr.: 2012-1\nIndstilling\nCenter for Skoler indstiller, at\nA)\n\nbudgettet godkendes.\n\nB)\n\nrammen fastholdes.\n",
        "2.\n\nVejene i byen og på landet\nSagsnr.: 2012-2\nSagsfremstilling\nVejene er slidte.\n./.\n./.\n\nBilag 1\nBilag 2\n",
    ]);
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Budget for skolerne", Some(2)),
            ("2", "Vejene i byen og på landet", Some(3)),
        ]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(
        got.agenda.items[0].clauses(),
        ["budgettet godkendes.", "rammen fastholdes."]
    );
    assert_eq!(got.agenda.items[1].attachments, ["Bilag 1", "Bilag 2"]);
}

/// A number alone on the line after a sentence that stops short is the sentence's end ("som
/// angivet i afsnit" / "6."), no heading: the clause after it stays a clause.
#[test]
fn a_number_that_ends_a_sentence_is_no_heading() {
    let got = read(
        "1. Byggeri\nSAG-2025-1\nIndstilling\nDet indstilles:\nAt 1) der frigives 3 mio. kr., som angivet i afsnit\n6.\nAt 2) der gives en bevilling.\n\n2. Eventuelt\nSAG-2025-2\n",
    );
    assert_eq!(toc(&got.agenda).len(), 2);
    assert_eq!(
        got.agenda.items[0].clauses(),
        [
            "der frigives 3 mio. kr., som angivet i afsnit 6.",
            "der gives en bevilling."
        ]
    );
}

/// An extraction that mends words broken at line ends also joins a real hyphen's two halves
/// ("2030-" / "fremskrivning"): the heading is still its entry's, under the table's title.
#[test]
fn a_heading_whose_hyphen_the_extraction_lost_is_its_entrys() {
    let got = read(
        "Indhold\n1. Godkendelse ........ 2\n2. Orientering om ny 2030-fremskrivning ........ 3\n\n1. Godkendelse\nSAG-2025-1\nTekst.\n\n2. Orientering om ny 2030fremskrivning\nSAG-2025-2\nTekst.\n",
    );
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Godkendelse", Some(2)),
            ("2", "Orientering om ny 2030-fremskrivning", Some(3)),
        ]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

/// pdftotext's raw order: a title the table cut short prints its page a single space after it,
/// without leaders, and a heading's text follows it with no gap. The entry is read between its
/// neighbours; the heading's title stops where its entry's does.
#[test]
fn a_raw_extraction_keeps_its_cut_entries_and_whole_titles() {
    let got = read(
        "Indholdsfortegnelse\nGodkendelse af dagsorden........ 3\nLokalplan 1221 for erhvervsområdet ved Kattrup, med ti 4\nEventuelt........ 5\nPunkt 1: Godkendelse af dagsorden\nEMN-2025-1\nTekst.\nPunkt 2: Lokalplan 1221 for erhvervsområdet ved Kattrup, med tillæg 1\nEMN-2025-2\nTekst.\nPunkt 3: Eventuelt\nIngen bemærkninger fra medlemmerne.\n",
    );
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Godkendelse af dagsorden", Some(3)),
            (
                "2",
                "Lokalplan 1221 for erhvervsområdet ved Kattrup, med tillæg 1",
                Some(4)
            ),
            ("3", "Eventuelt", Some(5)),
        ]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

/// A "Bilag" caption over a numbered or bulleted list: the attachments' titles, and no entry
/// taken for an item's heading, with a table of contents or without one.
#[test]
fn a_numbered_list_of_attachments_under_its_caption() {
    let item = "1. Anlægsbevilling til skolebyggeri\n \nIndstilling\nDet indstilles, at udvalget godkender planen.\n \nSagsfremstilling\nTekst om sagen.\n \nBilag\n1. Skitseforslag\n2. Byggeprogram\n \n2. Budgetopfølgning\n \nSagsfremstilling\nForbruget følger budgettet.\n";
    let contents =
        "1. Anlægsbevilling til skolebyggeri ........ 2\n2. Budgetopfølgning ........ 2\n \n";
    for with_contents in [true, false] {
        let text = format!(
            "Økonomiudvalget\n \nDagsorden til mødet den 12. marts 2024 kl. 14.00\n \n{}{item}",
            if with_contents { contents } else { "" }
        );
        let got = read(&text);
        let a = &got.agenda;
        let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Anlægsbevilling til skolebyggeri", "Budgetopfølgning"],
            "contents: {with_contents}"
        );
        assert_eq!(
            a.items[0].attachments,
            ["1. Skitseforslag", "2. Byggeprogram"]
        );
        assert_eq!(a.items[0].presentation, "Tekst om sagen.");
    }
    // An agenda of one item: its list's "2." follows on from its "1.", and is still no item.
    let one = item.split("2. Budget").next().unwrap_or_default();
    let got = read(&format!(
        "Økonomiudvalget\n \nDagsorden til mødet den 12. marts 2024 kl. 14.00\n \n{one}"
    ));
    assert_eq!(got.agenda.items.len(), 1, "{:?}", toc(&got.agenda));
    assert_eq!(
        got.agenda.items[0].attachments,
        ["1. Skitseforslag", "2. Byggeprogram"]
    );
}

/// SBSYS prints each clause on a line of its own beginning "at", the one before ending in a
/// comma: each is a clause, not a wrapped line of the one before.
#[test]
fn at_clauses_on_lines_of_their_own() {
    let got = read(
        "Økonomiudvalget\n \nDagsorden til mødet den 10. juni 2024\n \n1. Budget 2025\n \nIndstilling\nDirektionen indstiller,\nat budgetforslaget oversendes til byrådets første behandling,\nat anlægsrammen fastsættes til 120 mio. kr.\n \nSagsfremstilling\nBudgettet er i balance, og det er vurderet,\nat rammen holder.\n \nDet foreslås at projektet udvides, således\nat medarbejderne involveres.\n",
    );
    let item = &got.agenda.items[0];
    assert_eq!(item.recommendation_intro, "Direktionen indstiller, at");
    assert_eq!(
        item.clauses(),
        [
            "budgetforslaget oversendes til byrådets første behandling,",
            "anlægsrammen fastsættes til 120 mio. kr."
        ]
    );
    // In the case text, a line that begins "at" goes on the sentence it continues.
    assert_eq!(
        item.presentation,
        "Budgettet er i balance, og det er vurderet, at rammen holder.\n\nDet foreslås at projektet udvides, således at medarbejderne involveres."
    );
}

/// The access printed before each title, "(Åben)" or "(Lukket)": the item's, not its title's.
#[test]
fn access_before_the_title() {
    for contents in [
        "1. (Åben) Godkendelse af dagsorden ........ 2\n2. (Lukket) Salg af ejendom ........ 3\n \n",
        "",
    ] {
        let got = read(&format!(
            "Byrådet\n \nReferat\nMødedato: 24. april 2024\n \n{contents}1. (Åben) Godkendelse af dagsorden\nSags-ID: EMN-2024-00123\n \nBeslutning\nGodkendt.\n \n2. (Lukket) Salg af ejendom\nSags-ID: EMN-2024-00789\n \nBeslutning\nGodkendt.\n"
        ));
        let a = &got.agenda;
        let titles: Vec<(&str, &str, bool)> = a
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str(), i.closed))
            .collect();
        assert_eq!(
            titles,
            [
                ("1", "Godkendelse af dagsorden", false),
                ("2", "Salg af ejendom", true)
            ],
            "{contents}"
        );
        assert_eq!(a.items[1].case_ref.as_deref(), Some("EMN-2024-00789"));
    }
}

/// Under a "Bilag" caption the list that follows is the item's attachments: short titles a
/// line each, and eDoc's document numbers ("2012-205991 - …") each starting an entry, however
/// long the one before; a title wrapped onto a second line stays one.
#[test]
fn the_list_under_the_attachments_caption() {
    let text = |list: &str| {
        format!(
            "Økonomiudvalget\n \nDagsorden til mødet den 12. marts 2024\n \n1. Trafiksikkerhedsplan 2024-2027\n \nSagsfremstilling\nPlanen bygger på ulykkesstatistikken for de seneste fem år, og den er drøftet\nmed politiet og med vejmyndighederne i de omkringliggende kommuner i foråret.\n \nBilag\n{list}\n"
        )
    };
    for (list, want) in [
        (
            "Skitseforslag\nByggeprogram",
            vec!["Skitseforslag", "Byggeprogram"],
        ),
        (
            "2012-202381 - KL’s proces vedrørende det nære sundhedsvæsen i kommunerne\n2012-205991 - Det nære sundhedsvæsen - KL",
            vec![
                "2012-202381 - KL’s proces vedrørende det nære sundhedsvæsen i kommunerne",
                "2012-205991 - Det nære sundhedsvæsen - KL",
            ],
        ),
        (
            "2012-204248 - Redegørelse fra Træning og Aktivitet vedrørende den nye plan\nSeniorrådets høringssvar",
            vec![
                "2012-204248 - Redegørelse fra Træning og Aktivitet vedrørende den nye plan Seniorrådets høringssvar",
            ],
        ),
    ] {
        let got = read(&text(list));
        assert_eq!(got.agenda.items[0].attachments, want, "{list}");
        assert!(!got.agenda.items[0].presentation.contains("Bilag"));
    }
}

/// A caption with its text after its colon right under a heading ("Punkt 1: Godkendelse af
/// dagsorden" / "Beslutning: Godkendt.") starts the item's text; it is no part of the title.
#[test]
fn a_captioned_line_under_a_heading_is_no_part_of_its_title() {
    let got = read(
        "Kultur- og Fritidsudvalget\nReferat af ordinært møde\nOnsdag den 20. november 2024\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning: Godkendt.\n\nPunkt 2: Eventuelt\nBeslutning: Intet.\n",
    );
    let a = &got.agenda;
    assert_eq!(a.items[0].title, "Godkendelse af dagsorden");
    assert_eq!(
        a.items[0].decision.as_ref().map(|d| d.text.as_str()),
        Some("Godkendt.")
    );
}

/// eDoc prints each item of a referat as a document of its own, without the front page: the
/// meeting is the one whose decision is headed with the item's own number. An earlier
/// meeting's treatment of the case ("Kommunalbestyrelsen den 30. januar 2012 Punkt 5", or a
/// decision under another number) names no meeting of this document.
#[test]
fn a_single_item_referat_names_its_meeting_in_its_decision() {
    let item = |decisions: &str| {
        format!(
            "3.   Kvalitetsstandarder for stof- og alkoholbehandling\n\n     Sagsnr.: 2012-31114\n     Kommunalbestyrelsen den 30. januar 2012 Punkt 5\n\n     Sammendrag\n     Standarderne foreslås videreført.\n\n     Indstilling\n     Centret indstiller, at\n\n     A) standarderne godkendes.\n\n{decisions}"
        )
    };
    let got = read(&item(
        "     Økonomiudvalgets beslutning den 20.11.2012 Punkt 7\n     Anbefales.\n\n     Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3\n     Indstilles til godkendelse\n",
    ));
    let m = &got.agenda.meeting;
    assert_eq!(
        m.body.as_deref(),
        Some("Sundheds- og Forebyggelsesudvalget")
    );
    assert_eq!(m.date.as_deref(), Some("2012-12-04"));
    // The outline names the same meeting.
    let outline = outline(&item(
        "     Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3\n     Godkendt.\n",
    ))
    .unwrap();
    assert_eq!(outline.agenda.meeting.date.as_deref(), Some("2012-12-04"));

    // Only an earlier committee's decision: no meeting of this document is named.
    let earlier = read(&item(
        "     Økonomiudvalgets beslutning den 20.11.2012 Punkt 7\n     Anbefales.\n",
    ));
    assert_eq!(earlier.agenda.meeting.body, None);
    assert_eq!(earlier.agenda.meeting.date, None);
}

/// A web page's list of the items without pages ("PUNKTER" / "49. …" / "50. …"), then each item
/// under the same heading: the list is the table of contents, and each item's text is its own.
/// Before, the list was taken for the headings, and every text went to its last item.
#[test]
fn a_list_of_the_items_without_pages_before_their_texts() {
    let got = read(
        "Udvalget for Ældre og Sundhed\nReferat\n04-06-2020 09:00\n\nPUNKTER\n\n49. Godkendelse af dagsorden\n50. Godkendelse af anbefalinger\n51. Orienteringer\n\n49. Godkendelse af dagsorden\n\nIndstilling\nAdministrationen indstiller, at:\n\n  1. dagsorden bliver godkendt\n\nBeslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nGodkendt\n\n50. Godkendelse af anbefalinger\n\nIndstilling\nAdministrationen indstiller, at\n\n  1. anbefalingerne godkendes\n  2. udvalget følger op\n\nBeskrivelse af sagen\n\nEt flertal indgik en aftale.\n\n51. Orienteringer\n\nBeskrivelse af sagen\n\nIntet.\n",
    );
    let a = &got.agenda;
    assert_eq!(
        toc(a),
        [
            ("49", "Godkendelse af dagsorden", None),
            ("50", "Godkendelse af anbefalinger", None),
            ("51", "Orienteringer", None),
        ]
    );
    assert_eq!(a.items[0].recommendations.len(), 1);
    assert_eq!(
        a.items[0].decision.as_ref().map(|d| d.text.as_str()),
        Some("Godkendt")
    );
    assert_eq!(a.items[1].recommendations.len(), 2);
    assert!(a.items[1].presentation.contains("Et flertal"));
    assert!(a.items[2].presentation.contains("Intet."));
    // An item the list names but the text does not head is kept, without text.
    let cut = read(
        "Udvalget for Ældre og Sundhed\nReferat\n04-06-2020 09:00\n\nPUNKTER\n\n49. Godkendelse af dagsorden\n50. Godkendelse af anbefalinger\n51. Orienteringer\n\n49. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\n50. Godkendelse af anbefalinger\n\nBeskrivelse af sagen\n\nEt flertal indgik en aftale.\n",
    );
    assert_eq!(cut.agenda.items.len(), 3);
    assert!(cut.agenda.items[1].presentation.contains("Et flertal"));
    assert!(cut.agenda.items[2].presentation.is_empty());
    // However few of them the text heads: the list is the agenda (its entries head their texts).
    let few = read(
        "Udvalget for Ældre og Sundhed\nReferat\n04-06-2020 09:00\n\nPUNKTER\n\n49. Godkendelse af dagsorden\n50. Godkendelse af anbefalinger\n51. Orienteringer\n52. Eventuelt\n53. Underskriftsark\n\n49. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\n50. Godkendelse af anbefalinger\n\nBeskrivelse af sagen\n\nEt flertal indgik en aftale.\n",
    );
    assert_eq!(
        toc(&few.agenda).iter().map(|e| e.0).collect::<Vec<_>>(),
        ["49", "50", "51", "52", "53"]
    );
    assert!(
        few.warned().iter().any(|w| w.contains("53")),
        "{:?}",
        few.warned()
    );
    // Listed under a label of closed items, as eDoc's web page lists them.
    let parts = read(
        "Hennys testudvalg\nDagsorden\n02-05-2017 10:00\n\nÅbne sager\n3. Regnskab\n4. Budget\nLukkede sager\n5. Salg af grund\n\n3. Regnskab\n\nSagsfremstilling\nRegnskabet er aflagt.\n\n4. Budget\n\nSagsfremstilling\nBudgettet holder.\n\n5. Salg af grund\n\nSagsfremstilling\nGrunden sælges.\n",
    );
    let items = &parts.agenda.items;
    assert_eq!(items.len(), 3);
    assert_eq!(
        items.iter().map(|i| i.closed).collect::<Vec<_>>(),
        [false, false, true]
    );
    assert!(items[2].presentation.contains("Grunden sælges."));
}

/// Holbæk's web page prints each title again under its numbered heading: the repeat is no part
/// of the item's text. A first line that only begins with the title is.
#[test]
fn the_title_printed_again_under_its_heading() {
    let got = read(
        "Udvalget for Ældre og Sundhed\nReferat\n04-06-2020 09:00\n\n49. Godkendelse af dagsorden til mødet\n\nGodkendelse af dagsorden til mødet\nSagsgang og sagstype\n\nBeslutningssag\n\n50. Godkendelse af anbefalinger\n\nGodkendelse af anbefalinger fra udvalget sker i dag.\n",
    );
    let items = &got.agenda.items;
    let text = |i: usize| {
        let decision = items[i].decision.as_ref().map(|d| d.text.as_str());
        format!(
            "{}{}{}",
            items[i].background,
            items[i].presentation,
            decision.unwrap_or("")
        )
    };
    assert!(!text(0).contains("af dagsorden"), "{}", text(0));
    assert!(text(0).contains("Beslutningssag"));
    assert!(text(1).contains("Godkendelse af anbefalinger fra udvalget"));
}

/// An item's access printed on a line of its own under its heading ("Åben sag", "Lukket
/// punkt", as SBSYS and Gribskov print it) is the item's access, no part of its title or text;
/// a label over the items that follow ("Lukkede", "Lukkede punkter") closes them, and is no
/// part of the text of the item before it.
#[test]
fn access_lines_and_section_labels_between_the_items() {
    let got = read(
        "Byrådet\nDagsorden\nOnsdag den 24. april 2013 kl. 18:00\n\n1.\nGodkendelse af dagsorden\nÅben sag\n\nSagsfremstilling\nDagsordenen godkendes.\n\n2. Meddelelser\n\nÅbent punkt\n\nSagsfremstilling\nIngen meddelelser.\n\nLukkede punkter\n\n3. Køb af ejendom\n\nSagsfremstilling\nKommunen køber.\n\n4. Personsag\nLukket sag\n\nSagsfremstilling\nSagen drøftes.\n",
    );
    let items = &got.agenda.items;
    assert_eq!(
        items
            .iter()
            .map(|i| (i.title.as_str(), i.closed))
            .collect::<Vec<_>>(),
        [
            ("Godkendelse af dagsorden", false),
            ("Meddelelser", false),
            ("Køb af ejendom", true),
            ("Personsag", true),
        ]
    );
    for item in items {
        let text = format!("{}{}", item.background, item.presentation);
        for word in ["Åben sag", "Åbent punkt", "Lukkede punkter", "Lukket sag"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
    }

    // Gribskov: the table of contents and the text mark the closed part with one word.
    let gribskov = read(
        "Kulturrådet\n\nMandag den 08-12-2014 kl. 19:00\n\nIndholdsfortegnelse:\n\nÅbne\n59 Godkendelse af protokol\n60 Meddelelser\nLukkede\n61 Lokaletilskud til privat forening\n\nFraværende:\nTonny Jensen\n\n59. Godkendelse af protokol\n\nSagsfremstilling\nProtokollen godkendes.\n\n60. Meddelelser\n\nSagsfremstilling\nNyt fra formanden.\n\nLukkede\n\n61. Lokaletilskud til privat forening\nLukket punkt\n",
    );
    let items = &gribskov.agenda.items;
    assert_eq!(
        items
            .iter()
            .map(|i| (i.number.as_str(), i.closed))
            .collect::<Vec<_>>(),
        [("59", false), ("60", false), ("61", true)]
    );
    assert!(
        !items[1].presentation.contains("Lukkede"),
        "{}",
        items[1].presentation
    );
    // The front page goes on under the list.
    let absent: Vec<&str> = gribskov
        .agenda
        .meeting
        .absent
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(absent, ["Tonny Jensen"]);
    assert!(items[2].background.is_empty() && items[2].presentation.is_empty());
}

/// A running header with its page in a column of its own, as a layout extraction prints it
/// ("Økonomiudvalget, 10-04-2013      Side 3 af 5"): no part of any item's text, and it numbers
/// its page.
#[test]
fn a_running_header_with_its_page_after_spaces() {
    let header = |n: u32| {
        format!(
            "Økonomiudvalget, 10-04-2013{}Side {n} af 4\n\n",
            " ".repeat(40)
        )
    };
    let got = pages(&[
        "Referat\nØkonomiudvalget\nMødedato: 10. april 2013\n",
        &format!(
            "{}1. Godkendelse af dagsorden\nSagsnr.: 13/1\n\nBeslutning\nGodkendt.\n\n2. Budget\nSagsnr.: 13/2\n\nBilag\n- Budgetopfølgning\n",
            header(2)
        ),
        &format!(
            "{}3. Salg af grund\nSagsnr.: 13/3\n\nBeslutning\nGodkendt.\n",
            header(3)
        ),
        &format!(
            "{}4. Eventuelt\nSagsnr.: 13/4\n\nBeslutning\nIntet.\n",
            header(4)
        ),
    ]);
    let items = &got.agenda.items;
    assert_eq!(
        toc(&got.agenda),
        [
            ("1", "Godkendelse af dagsorden", Some(2)),
            ("2", "Budget", Some(2)),
            ("3", "Salg af grund", Some(3)),
            ("4", "Eventuelt", Some(4)),
        ]
    );
    assert_eq!(items[1].attachments, ["Budgetopfølgning"]);
    let decision = |i: usize| items[i].decision.as_ref().map(|d| d.text.as_str());
    assert_eq!(decision(0), Some("Godkendt."));
    assert_eq!(decision(2), Some("Godkendt."));
}

/// Attachments listed a title a line under "Bilag", each ending in its file type as a web page
/// prints it ("Analyse af plejeboligbehov 2019 (PDF)"): one attachment a line, however short
/// the document's lines are.
#[test]
fn attachments_that_end_in_their_file_type() {
    let got = read(
        "Ældreudvalget\nDagsorden\n12-03-2020 kl. 16:00\n\n1. Godkendelse af dagsorden\nSagsnr.: 20/1\n\nSagsfremstilling\nDagsordenen godkendes.\n\n2. Plejeboliger\nSagsnr.: 20/2\n\nSagsfremstilling\nBehovet stiger frem mod 2030.\n\nBilag\nAnalyse af plejeboligbehov 2019 (PDF)\nBefolkningsprognose 2019 (PDF)\nBoligplan.docx\nNotat om økonomi.pdf\n",
    );
    assert_eq!(
        got.agenda.items[1].attachments,
        [
            "Analyse af plejeboligbehov 2019 (PDF)",
            "Befolkningsprognose 2019 (PDF)",
            "Boligplan.docx",
            "Notat om økonomi.pdf"
        ]
    );
}

/// A document that records the meeting's own decisions ("Beslutning i Kultur- og
/// fritidsudvalget den 05-03-2009" on the meeting's day) is its minutes, though it never says
/// "Referat"; one whose decisions are all earlier meetings' is not.
#[test]
fn decisions_of_the_meetings_own_day_make_minutes() {
    let text = |day: &str| {
        format!(
            "Kultur- og fritidsudvalget\nMødedato: 05-03-2009\n\n1. Budget\nSagsnr.: 09/1\n\nSagsfremstilling\nBudgettet holder.\n\nBeslutning i Kultur- og fritidsudvalget den {day}\nGodkendt.\n\n2. Eventuelt\nSagsnr.: 09/2\n\nSagsfremstilling\nIntet.\n"
        )
    };
    assert!(read(&text("05-03-2009")).agenda.meeting.minutes);
    assert!(!read(&text("05-02-2009")).agenda.meeting.minutes);
}

/// A heading before the table of contents (a cover page's own "1. Velkomst"), the table ending
/// in its closed part's label: read without fault, the label closing no item of the text.
#[test]
fn a_heading_before_the_table_of_contents() {
    let got = read(
        "Byrådet\nDagsorden\n24-04-2013 kl. 18:00\n\n1. Velkomst\n\nIndholdsfortegnelse\n1. Velkomst ........ 1\n2. Budget ........ 2\nLukkede punkter\n\n2. Budget\nSagsnr.: 13/2\n\nSagsfremstilling\nBudgettet holder.\n",
    );
    assert!(
        got.agenda.items.iter().all(|i| !i.closed),
        "{:?}",
        got.agenda.items
    );
}

/// A dash under "Bilag" says there are none (Gribskov prints one under every empty caption).
#[test]
fn a_dash_under_the_attachments_caption_is_none() {
    let got = read(
        "Kulturrådet\nMandag den 08-12-2014 kl. 19:00\n\n59. Godkendelse af protokol\nSagsnr.: 14/6569\n\nSagsfremstilling\nProtokollen godkendes.\n\nBilag\n-\n\nAdministrationens indstilling\nAdministrationen indstiller, at protokollen godkendes.\n",
    );
    let item = &got.agenda.items[0];
    assert!(item.attachments.is_empty(), "{:?}", item.attachments);
    assert!(!item.presentation.contains("\n-"), "{}", item.presentation);
}

/// A table of numbered items that also lists a part of the document without a number
/// ("Bilagsliste", Helsingør): that part is no item, and no heading is missing for it.
#[test]
fn an_unnumbered_part_in_a_numbered_table() {
    let got = read(
        "Referat\nSundheds-, Idræts- og Fritidsudvalget\nMødedato: 15. maj 2014\n\nSagsoversigt\n01.  Godkendelse af dagsorden........2\n02.  Budgetforslag 2015-2018........2\n     Bilagsliste........3\n\n01. Godkendelse af dagsorden\nSagsnr.: 14/1\n\nBeslutning\nGodkendt.\n\n02. Budgetforslag 2015-2018\nSagsnr.: 14/2\n\nBeslutning\nGodkendt.\n\nBilagsliste\n1. Budget\n",
    );
    assert_eq!(
        toc(&got.agenda).iter().map(|e| e.1).collect::<Vec<_>>(),
        ["Godkendelse af dagsorden", "Budgetforslag 2015-2018"]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warned());
}

/// SBSYS heads each meeting's decision under "Beslutninger" with the committee and its day:
/// each is a decision of its own, named by that line, and the one of this meeting's day is the
/// decision of record.
#[test]
fn decisions_under_one_caption_each_named_by_its_committee_and_day() {
    let got = read(
        "Referat\nByrådet\nMødedato: 26. maj 2014\n\n1. Budget 2015\nSagsnr.: 14/8437\n\nIndstilling\nCentret indstiller, at budgettet godkendes.\n\nBeslutninger\nØkonomiudvalget den 12-05-2014\nAnbefales.\n\nByrådet den 26-05-2014\nGodkendt.\n\n2. Eventuelt\nSagsnr.: 14/1\n\nBeslutninger\nByrådet den 26-05-2014\nIntet.\n",
    );
    let items = &got.agenda.items;
    let decision = items[0].decision.as_ref().unwrap();
    assert_eq!(
        (decision.heading.as_str(), decision.text.as_str()),
        ("Byrådet den 26-05-2014", "Godkendt.")
    );
    let earlier: Vec<(&str, &str)> = items[0]
        .earlier_decisions
        .iter()
        .map(|d| (d.heading.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(earlier, [("Økonomiudvalget den 12-05-2014", "Anbefales.")]);
    assert_eq!(
        items[1].decision.as_ref().map(|d| d.text.as_str()),
        Some("Intet.")
    );
}

/// A numbered list under "Bilag" goes on only with the next number in its own form: the next
/// item's heading after it ("Punkt 2: …", or "2. …" when the list has had its 2) is a heading.
#[test]
fn the_next_heading_after_a_numbered_attachments_list() {
    for next in ["Punkt 2: Ændring af takster", "2. Ændring af takster"] {
        let punkt = next.starts_with("Punkt");
        let first = if punkt {
            "Punkt 1: Regnskab 2012"
        } else {
            "1. Regnskab 2012"
        };
        let got = read(&format!(
            "Økonomiudvalget\nDagsorden\nMødedato: 10-04-2013\n\n{first}\nSagsnr.: 13/1\n\nSagsfremstilling\nRegnskabet er aflagt.\n\nBilag\n1. Årsregnskab 2012\n2. Revisionsberetning\n\n{next}\nSagsnr.: 13/2\n\nIndstilling\nDirektionen indstiller, at taksterne ændres.\n"
        ));
        let items = &got.agenda.items;
        assert_eq!(items.len(), 2, "{next}: {:?}", toc(&got.agenda));
        assert_eq!(items[1].title, "Ændring af takster", "{next}");
        assert_eq!(
            items[0].attachments,
            ["1. Årsregnskab 2012", "2. Revisionsberetning"],
            "{next}"
        );
        assert_eq!(items[1].recommendations.len(), 1, "{next}");
    }
    // Printed without a gap anywhere (a text extraction).
    for (first, next, last) in [("Punkt 1:", "Punkt 2:", "Punkt 3:"), ("1.", "2.", "3.")] {
        let got = read(&format!(
            "Byrådet\nDagsorden 24. april 2013\n\n{first} Regnskab 2012\nSagsfremstilling\nRegnskabet udviser et overskud.\nBilag:\n1. Årsregnskab 2012\n2. Revisionsberetning\n{next} Ændring af takster\nIndstilling\nDet indstilles, at taksterne godkendes.\n{last} Eventuelt\n"
        ));
        assert_eq!(
            toc(&got.agenda).iter().map(|e| e.1).collect::<Vec<_>>(),
            ["Regnskab 2012", "Ændring af takster", "Eventuelt"],
            "{next}"
        );
    }
}

/// A text extraction that reads a two-column table of facts a column at a time: the labels
/// ("Sagsnr.", "Sagsbehandler") under the heading, then their values. The labels are no part of
/// the title, and the values are the case's number and officer.
#[test]
fn case_labels_above_their_values() {
    for facts in [
        "Sagsnr.:\n13/100\n",
        "Sagsnr.\nSagsbehandler\n13/100\nMAH\n",
        "Sagsnr.:\n13/100\nSagsbehandler:\nMAH\n",
        // A label whose value the extraction lost: the caption after it is still a caption.
        "Sagsnr.:\n",
    ] {
        let got = read(&format!(
            "Byrådet\nDagsorden 24. april 2013\n\n1. Godkendelse af dagsorden\n{facts}Sagsfremstilling\nDagsordenen godkendes.\n\n2. Eventuelt\nSagsfremstilling\nIntet.\n"
        ));
        let item = &got.agenda.items[0];
        assert_eq!(item.title, "Godkendelse af dagsorden", "{facts}");
        if facts.contains("13/100") {
            assert_eq!(item.case_ref.as_deref(), Some("13/100"), "{facts}");
        }
        assert_eq!(item.presentation, "Dagsordenen godkendes.", "{facts}");
        if facts.contains("MAH") {
            assert_eq!(item.case_officers.as_deref(), Some("MAH"), "{facts}");
        }
        assert!(item.background.is_empty(), "{facts}: {}", item.background);
    }
}

/// Clauses numbered without "at" under a lead-in that names who decides ("…, at Økonomiudvalget
/// anbefaler Byrådet,"): each number starts a clause, and the lead-in keeps its subject. A date
/// in a sentence's second line ("2. april") goes on the sentence.
#[test]
fn numbered_clauses_without_at() {
    for text in [
        "1. Budgetopfølgning\n\nIndstilling\nDirektionen indstiller, at Økonomiudvalget anbefaler Byrådet,\n1. budgetopfølgningen tages til efterretning,\n2. der gives en tillægsbevilling på 2,5 mio. kr. til ældreområdet,\n3. sagen oversendes til budgetforhandlingerne.\n\nSagsfremstilling\nPrognosen viser et merforbrug.\n",
        "1. Budgetopfølgning\n\nIndstilling\nDirektionen indstiller, at Økonomiudvalget anbefaler Byrådet,\n\n1. budgetopfølgningen tages til efterretning,\n\n2. der gives en tillægsbevilling på 2,5 mio. kr. til ældreområdet,\n\n3. sagen oversendes til budgetforhandlingerne.\n\nSagsfremstilling\nPrognosen viser et merforbrug.\n",
    ] {
        let a = read(text).agenda;
        let item = &a.items[0];
        assert_eq!(
            item.recommendation_intro,
            "Direktionen indstiller, at Økonomiudvalget anbefaler Byrådet,"
        );
        let clauses: Vec<(&str, Action)> = item
            .recommendations
            .iter()
            .map(|r| (r.text.as_str(), r.action))
            .collect();
        assert_eq!(
            clauses,
            [
                ("budgetopfølgningen tages til efterretning,", Action::Note),
                (
                    "der gives en tillægsbevilling på 2,5 mio. kr. til ældreområdet,",
                    Action::Approve
                ),
                (
                    "sagen oversendes til budgetforhandlingerne.",
                    Action::Approve
                ),
            ]
        );
    }
    // A sentence whose second line starts with a day of the month is one clause.
    let a = read("1. Budget\n\nIndstilling\nDet indstilles, at udvalget godkender tidsplanen med frist den\n2. april 2025 for høringssvar.\n").agenda;
    assert_eq!(a.items[0].recommendations.len(), 1, "{:?}", a.items[0]);
}

/// In a referat, an item's one paragraph with no caption is what was decided (a closed item's
/// public minutes); a paragraph under its "Baggrund" caption is the item's background, and the
/// item has no decision yet.
#[test]
fn a_referats_background_alone_is_no_decision() {
    let a = read("Referat\nBørne- og Skoleudvalget\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n2. Skolestruktur\n\nBaggrund\nForvaltningen har udarbejdet et oplæg.\n\n3. Køb af grund\n\nUdvalget godkendte købet.\n").agenda;
    assert!(a.meeting.minutes);
    let item = &a.items[1];
    assert_eq!(item.decision, None, "{item:?}");
    assert_eq!(item.background, "Forvaltningen har udarbejdet et oplæg.");
    assert_eq!(
        a.items[2].decision.as_ref().map(|d| d.text.as_str()),
        Some("Udvalget godkendte købet.")
    );
}

/// A wrapped sentence whose last line is a caption's word ("høringssvar.", "økonomi.") goes on
/// the sentence: nothing of it is lost, and no sub-heading is made of it.
#[test]
fn a_sentence_ending_in_a_captions_word() {
    for (end, last) in [
        ("høringssvar.", "Der er indkommet 42 høringssvar."),
        ("økonomi", "Planen styrker kommunens økonomi"),
    ] {
        let (head, _) = last.rsplit_once(' ').unwrap();
        let a = read(&format!(
            "Dagsorden\nTeknisk Udvalg\nDato: 11.08.2021\n\n1. Trafiksikkerhedsplan\nSagsnr.: 21/1180\n\nSagsfremstilling\nTrafiksikkerhedsplanen har været i høring fra 1. maj til 15. juni 2021. {head}\n{end}\n\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n"
        ))
        .agenda;
        let text = &a.items[0].presentation;
        assert!(text.ends_with(last), "{text:?}");
    }
}

/// Numbered clauses with the tab after the number printed as spaces, or carried over a page
/// break: a clause each.
#[test]
fn numbered_clauses_spaced_or_over_a_page_break() {
    let a = read("Referat\nØkonomiudvalget\nMødedato: Mandag den 7. oktober 2024\n\n1.    Budgetopfølgning\nSagsnr.: 330-2024-1022\nIndstilling\nBorgmesteren indstiller,\n1.    at budgetopfølgningen tages til efterretning,\n2.    at der gives tillægsbevillinger, og\n3.    at merudgiften finansieres af kassebeholdningen.\nSagsfremstilling\nTekst.\n").agenda;
    assert_eq!(a.items[0].recommendations.len(), 3, "{:?}", a.items[0]);
    let a = read("Dagsorden\nSocialudvalget\nDato: 17.04.2023\n\n1. Godkendelse af dagsorden\nIndstilling\nAdministrationen indstiller, at dagsordenen godkendes.\nSide 1 af 3\n\x0c2. Tandklinik\nSagsnr.: 23/1\nIndstilling\nAdministrationen indstiller, at\n1. flytning af tandklinikken godkendes,\nSide 2 af 3\n\x0c2. der gives en anlægsbevilling på 1,4 mio. kr., og\n3. der gives en driftsbevilling på 0,26 mio. kr.\n\nSagsfremstilling\nTekst.\nSide 3 af 3\n").agenda;
    assert_eq!(a.items.len(), 2, "{:?}", a.items);
    let clauses = a.items[1].clauses();
    assert_eq!(
        clauses,
        [
            "flytning af tandklinikken godkendes,",
            "der gives en anlægsbevilling på 1,4 mio. kr., og",
            "der gives en driftsbevilling på 0,26 mio. kr."
        ]
    );
}

/// A sentence that ends the text on half the pages ("Forvaltningen indstiller, at orienteringen
/// tages til efterretning.", every orientation's recommendation) is the items' text, not a
/// running footer: a footer is on (nearly) every page.
#[test]
fn a_sentence_repeated_at_page_ends_is_text() {
    let a = read("Dagsorden\nTeknisk Udvalg\nDato: 05.03.2024\n\nSide 1 af 4\n\x0c1. Orientering fra formanden\nSagsnr.: 24/1\nIndstilling\nForvaltningen indstiller, at orienteringen tages til efterretning.\nTeknisk Udvalg 05-03-2024\nSide 2 af 4\n\x0c2. Trafiksikkerhedsplan\nSagsnr.: 24/2\nIndstilling\nForvaltningen indstiller, at planen godkendes.\nTeknisk Udvalg 05-03-2024\nSide 3 af 4\n\x0c3. Orientering fra forvaltningen\nSagsnr.: 24/3\nIndstilling\nForvaltningen indstiller, at orienteringen tages til efterretning.\nTeknisk Udvalg 05-03-2024\nSide 4 af 4\n").agenda;
    let clauses: Vec<String> = a
        .items
        .iter()
        .map(|i| {
            i.recommendations
                .iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        clauses,
        [
            "orienteringen tages til efterretning.",
            "planen godkendes.",
            "orienteringen tages til efterretning."
        ]
    );
}

/// The next item's heading straight after a numbered list of attachments, numbered as the list
/// would go on ("Bilag / 1. Kort / 2. Budget / 3. Cykelstier"), is a heading when its case
/// number is under it.
#[test]
fn a_heading_numbered_as_the_attachments_go_on() {
    let a = read("Dagsorden\nTeknisk Udvalg\nDato: 05.03.2024\n\n1. Vejplan\nSagsnr.: 24/1\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n2. Trafiksikkerhed\nSagsnr.: 24/2\nIndstilling\nForvaltningen indstiller, at planen drøftes.\nBilag\n1. Kort\n2. Budget\n3. Cykelstier\nSagsnr.: 24/3\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n4. Skolevej\nSagsnr.: 24/4\nIndstilling\nForvaltningen indstiller, at sagen tages til efterretning.\n").agenda;
    let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Vejplan", "Trafiksikkerhed", "Cykelstier", "Skolevej"]
    );
    assert_eq!(a.items[1].attachments, ["1. Kort", "2. Budget"]);
    assert_eq!(a.items[2].case_ref.as_deref(), Some("24/3"));
    // The label alone, its value under it (SBSYS read a column at a time).
    let a = read("Dagsorden\nTeknisk Udvalg\nDato: 05.03.2024\n\n1. Vejplan\nSagsnr.:\n24/1\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n2. Trafiksikkerhed\nSagsnr.:\n24/2\nIndstilling\nForvaltningen indstiller, at planen drøftes.\nBilag\n1. Kort\n2. Budget\n3. Cykelstier\nSagsnr.:\n24/3\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n").agenda;
    assert_eq!(a.items.len(), 3, "{:?}", a.items);
    assert_eq!(a.items[2].case_ref.as_deref(), Some("24/3"));
}

/// A decision that opens an item's text goes on to the item's end when no caption follows it
/// ("Godkendt." / "Sag 4 udgår."); a caption after it begins the item's own text.
#[test]
fn a_decision_of_several_paragraphs_alone() {
    let a = read("Referat\nKlima- og Planudvalget\nDato: 09.01.2024\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nSag 4 udgår.\n\n2. Meddelelser\n\nBeslutning\nTaget til efterretning.\n\nSagsfremstilling\nFormanden orienterede.\n").agenda;
    let decision = |i: usize| a.items[i].decision.as_ref().map(|d| d.text.clone());
    assert_eq!(decision(0).as_deref(), Some("Godkendt.\nSag 4 udgår."));
    assert_eq!(a.items[0].presentation, "");
    assert_eq!(decision(1).as_deref(), Some("Taget til efterretning."));
    assert_eq!(a.items[1].presentation, "Formanden orienterede.");
}

/// Captions the systems use beside the common ones end the recommendation above them and are
/// kept in the case text ("Problemstilling", "Sagens forløb", "Risikovurdering", …); "Sagens
/// baggrund" is the background.
#[test]
fn more_captions() {
    for caption in [
        "Problemstilling",
        "Sagens forløb",
        "Løsning",
        "Risikovurdering",
        "Administrationens vurdering",
        "Politisk behandling",
        "Klima- og miljøkonsekvenser",
    ] {
        let a = read(&format!("Referat\nØkonomiudvalget\nDato: 07.10.2024\n\n1. Budgetopfølgning\nIndstilling\nBorgmesteren indstiller,\n1. at budgetopfølgningen tages til efterretning,\n2. at der gives tillægsbevillinger.\n{caption}\nTekstlinje her.\n")).agenda;
        let item = &a.items[0];
        assert_eq!(
            item.recommendations.last().map(|r| r.text.as_str()),
            Some("der gives tillægsbevillinger."),
            "{caption}"
        );
        assert_eq!(item.presentation, format!("{caption}\n\nTekstlinje her."));
    }
    for caption in ["Sagens baggrund", "Anledning"] {
        let a = read(&format!("Dagsorden\nØkonomiudvalget\nDato: 07.10.2024\n\n1. Budget\n{caption}\nBudgettet skal vedtages.\n")).agenda;
        assert_eq!(a.items[0].background, "Budgettet skal vedtages.");
    }
}

/// The access printed after a title ("(Lukket punkt)", "- Lukket punkt", "(Lukket)") or "Lukket
/// sag:" before it: the item is closed, and the mark after the title is no part of it.
#[test]
fn closed_after_the_title() {
    for (heading, title) in [
        ("2. Salg af ejendom (Lukket punkt)", "Salg af ejendom"),
        ("2. Salg af ejendom - Lukket punkt", "Salg af ejendom"),
        ("2. Salg af ejendom (Lukket)", "Salg af ejendom"),
        ("2. Lukket sag: Køb af areal", "Lukket sag: Køb af areal"),
        ("2. Salg af ejendom (LUKKET PUNKT)", "Salg af ejendom"),
    ] {
        let a = read(&format!("Dagsorden\nByrådet\nDato: 05.03.2024\n\n1. Godkendelse af dagsorden\nIndstilling\nDet indstilles, at dagsordenen godkendes.\n\n{heading}\nIndstilling\nDet indstilles, at salget godkendes.\n")).agenda;
        let item = &a.items[1];
        assert_eq!(
            (item.title.as_str(), item.closed),
            (title, true),
            "{heading}"
        );
        assert!(!a.items[0].closed);
    }
}

/// Roskilde prints an item's number alone above its title ("Pkt. 43" / "Meddelelser fra
/// formanden"): the number is no part of the text of the item before it.
#[test]
fn the_number_alone_above_the_title() {
    let a = read("Referat\nKultur- og Idrætsudvalget\nDato: 03-04-2019\n\nIndholdsfortegnelse\nPkt. 42 Beslutninger om dagsordenen 2\nPkt. 43 Meddelelser fra formanden 2\n\x0cPkt. 42\nBeslutninger om dagsordenen\nSagsnr. 299835\n\nBeslutning\nGodkendt.\n\nPkt. 43\nMeddelelser fra formanden\nSagsnr. 299835\n\nBeslutning\nTaget til efterretning.\n").agenda;
    let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Beslutninger om dagsordenen", "Meddelelser fra formanden"]
    );
    assert_eq!(
        a.items[0].decision.as_ref().map(|d| d.text.as_str()),
        Some("Godkendt.")
    );
}

/// A recommendation's numbered points carried over a page break are its points: the next
/// number under the one before, a sentence, is no item's heading.
#[test]
fn numbered_points_over_a_page_break_are_no_items() {
    let a = read("Dagsorden\nSocialudvalget\nDato: 17.04.2023\n\n1. Godkendelse af dagsorden\nIndstilling\nAdministrationen indstiller, at dagsordenen godkendes.\nSide 1 af 3\n\x0c2. Tandklinik\nSagsnr.: 23/1\nIndstilling\nAdministrationen indstiller, at:\n 1. Godkende flytning af tandklinikken fra Ådalens Skole til Frederikssund Hospital og\n    udvidelse af kapaciteten med i alt tre klinikker\nSide 2 af 3\n\x0c 2. Godkende bruttoanlægsudgift på 1,400 mio. kr. i 2023\n 3. Godkende en driftsbevilling på 0,26 mio. kr. årligt fra 2024.\n\nSagsfremstilling\nTekst.\nSide 3 af 3\n").agenda;
    assert_eq!(a.items.len(), 2, "{:?}", a.items);
    assert_eq!(a.items[1].recommendations.len(), 3, "{:?}", a.items[1]);
    assert_eq!(a.items[1].presentation, "Tekst.");
}

/// A list of the items without pages where a title wraps onto a second line: the list goes on
/// after it, and every item heads its text.
#[test]
fn a_pageless_list_with_a_wrapped_title() {
    let a = read("Referat\nUdvalg: Økonomiudvalget\nDato: Torsdag den 18. juni 2020\n\nIndholdsfortegnelse\n1. Igangsætning af planlægning\n2. Forslag fra Det Konservative Folkeparti om AMC og dens fremtid som kommunalt\nklubtilbud\n3. Hyldager Bakker\n\n1. Igangsætning af planlægning\n\nIndstilling\nDet indstilles, at planlægningen igangsættes.\n\n2. Forslag fra Det Konservative Folkeparti om AMC og dens fremtid som kommunalt\nklubtilbud\n\nIndstilling\nDet indstilles, at Kommunalbestyrelsen tager stilling til forslaget.\n\n3. Hyldager Bakker\n\nIndstilling\nDet indstilles, at der frigives 2,1 mio. kr.\n").agenda;
    let numbers: Vec<&str> = a.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(
        a.items[2].recommendations.first().map(|r| r.text.as_str()),
        Some("der frigives 2,1 mio. kr.")
    );
}

/// A lead-in whose sender takes six words, wrapped over two lines, over clauses that say "at";
/// an officer's line under a long line of facts is the officer.
#[test]
fn a_long_lead_in_and_the_officer_under_a_long_fact() {
    let a = read("Dagsorden\nØkonomiudvalget\nDato: 23.01.2024\n\nPunkt 1 - Vintertjeneste\nSagsnr.: 24/1\nAnsvarligt udvalg: Kultur- og Fritidsudvalget, Økonomiudvalget, Byrådet og Miljøudvalget\nSagsbehandler: Søren Dahl\n\nIndstilling\nDirektøren for Miljø og Teknik indstiller, at Miljø- og Teknikudvalget over for Økonomiudvalget\nog Byrådet anbefaler,\nat der gives en tillægsbevilling på 6,5 mio. kr.,\nat tillægsbevillingen finansieres af kassebeholdningen.\n\nSagsfremstilling\nTekst.\n").agenda;
    let item = &a.items[0];
    let clauses = item.clauses();
    assert_eq!(
        clauses,
        [
            "der gives en tillægsbevilling på 6,5 mio. kr.,",
            "tillægsbevillingen finansieres af kassebeholdningen."
        ]
    );
    assert_eq!(item.case_officers.as_deref(), Some("Søren Dahl"));
}

/// København says an item's access in a sentence under its heading: "Sagen behandles for
/// lukkede døre." The item is closed, and the sentence is no part of its text.
#[test]
fn closed_doors_said_in_a_sentence() {
    let a = read("Dagsorden\nØkonomiudvalget\nDato: 23.01.2024\n\n1. Godkendelse af dagsorden\n\nIndstilling\nDet indstilles, at dagsordenen godkendes.\n\n2. Salg af areal ved Kalvebod Brygge\n\nSagen behandles for lukkede døre.\n\nIndstilling\nDet indstilles, at salget godkendes.\n").agenda;
    assert!(!a.items[0].closed);
    assert!(a.items[1].closed, "{:?}", a.items[1]);
    assert_eq!(a.items[1].background, "");
}

/// Parts named by how they are dealt with and behind which doors ("Til behandling - for åbne
/// døre", "Til behandling - for lukkede døre") close the items after them and are no part of the
/// text before them.
#[test]
fn parts_behind_open_and_closed_doors() {
    let a = read("Referat\nKommunalbestyrelsen\nDato: 15-05-2013\n\nTil efterretning - for åbne døre\n\n89. Kvartalsrapport\n\nBeslutning\nTaget til efterretning.\n\nTil behandling - for lukkede døre\n\n90. Køb af areal ved Nyborgvej\n\nBeslutning\nGodkendt.\n").agenda;
    let closed: Vec<bool> = a.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [false, true]);
    assert_eq!(
        a.items[0].decision.as_ref().map(|d| d.text.as_str()),
        Some("Taget til efterretning.")
    );
}
