//! Boxes drawn over the screen: help, finder, go-to, note editor, attendance, quit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use super::text::{truncate, width};
use crate::minutes::Presence;
use crate::tui::app::{App, Editor, Overlay};
use crate::tui::keymap::Mode;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help(app, theme, frame, area, *scroll),
        Some(Overlay::Finder {
            query, selected, ..
        }) => finder(app, theme, frame, area, query, *selected),
        Some(Overlay::GoTo { input, error }) => goto(app, theme, frame, area, input, *error),
        Some(Overlay::Editor(editor)) => editor_box(app, theme, frame, area, editor),
        Some(Overlay::Attendance {
            selected, adding, ..
        }) => attendance(app, theme, frame, area, *selected, adding.as_deref()),
        Some(Overlay::Notice(lines)) => {
            let rect = centered(
                area,
                area.width.saturating_sub(8).max(area.width.min(30)),
                4 + lines.len() as u16 * 2,
            );
            let text: Vec<Line> = lines
                .iter()
                .flat_map(|l| {
                    super::text::wrap(&format!("• {l}"), usize::from(rect.width.saturating_sub(2)))
                        .into_iter()
                        .map(Line::raw)
                })
                .collect();
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(text).block(titled(app.labels.notices.to_string(), theme)),
                rect,
            );
        }
        Some(Overlay::Export { public }) => {
            let labels = app.labels;
            let which = if *public {
                labels.export_public
            } else {
                labels.export_all
            };
            let lines = vec![
                Line::styled(which, theme.key()),
                Line::raw(""),
                Line::raw(labels.export_choices),
            ];
            let w = (width(labels.export_choices) as u16 + 4).min(area.width);
            let rect = centered(area, w, 5);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(lines).block(titled(labels.export_title.to_string(), theme)),
                rect,
            );
        }
        Some(Overlay::ConfirmOverwrite(_, path)) => {
            let text = format!("{path} {}", app.labels.overwrite);
            let rect = centered(area, area.width.saturating_sub(4), 4);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.error()))
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .block(Block::bordered()),
                rect,
            );
        }
        Some(Overlay::Orphans {
            selected,
            attaching,
        }) => orphans(app, theme, frame, area, *selected, attaching.as_deref()),
        Some(Overlay::ConfirmQuit) => {
            let text = app.labels.quit_confirm;
            let w = (width(text) as u16 + 4).min(area.width);
            let rect = centered(area, w, 3);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.error())).block(Block::bordered()),
                rect,
            );
        }
    }
}

/// A box of at most `w` × `h`, centred.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The whole screen between the header and the footer.
fn large(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 1.min(area.height),
        width: area.width,
        height: area.height.saturating_sub(2),
    }
}

fn titled<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.heading()))
}

fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = large(area);
    let danish = std::ptr::eq(app.labels, &crate::tui::labels::DANISH);
    let mut lines = Vec::new();
    for (m, mode) in Mode::ALL.into_iter().enumerate() {
        let bindings = app.keymap.bindings(mode);
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            app.labels.mode_names[m].to_string(),
            theme.heading(),
        ));
        for (action, chords) in bindings {
            let keys = chords
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18} "), theme.key()),
                Span::raw(if danish {
                    action.help_da()
                } else {
                    action.help()
                }),
            ]));
        }
        if mode == Mode::Global {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18} ", "0-9"), theme.key()),
                Span::raw(if danish {
                    "hop: 3 og så 5 går til punkt 3.5"
                } else {
                    "jump: 3 then 5 goes to item 3.5"
                }),
            ]));
        }
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(titled(app.labels.help.to_string(), theme)),
        rect,
    );
}

fn finder(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, query: &str, selected: usize) {
    let rect = large(area);
    frame.render_widget(Clear, rect);
    let block = titled(app.labels.search.to_string(), theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("> ", theme.key()),
                Span::raw(query.to_string()),
                Span::styled("█", theme.dim()),
            ]),
            Line::styled("─".repeat(usize::from(input.width)), theme.dim()),
        ]),
        input,
    );
    let results = app.finder_results(query);
    let rows = usize::from(list.height);
    if results.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(app.labels.no_matches, theme.dim())),
            list,
        );
        return;
    }
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = results
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(k, &index)| {
            let item = &app.agenda.items[index];
            let page = item
                .page
                .map(|p| format!("  {} {p}", app.labels.page))
                .unwrap_or_default();
            let room =
                usize::from(list.width).saturating_sub(width(&item.number) + width(&page) + 2);
            let line = Line::from(vec![
                Span::styled(format!("{} ", item.number), theme.key()),
                Span::raw(truncate(&item.title, room)),
                Span::styled(page, theme.dim()),
            ]);
            if k == selected {
                line.style(theme.cursor())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn goto(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, input: &str, error: bool) {
    let rect = centered(area, 50, 4);
    frame.render_widget(Clear, rect);
    let hint = if error {
        Line::styled(format!("{} {}", input, app.labels.not_found), theme.error())
    } else {
        Line::styled(app.labels.goto_hint, theme.dim())
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("> ", theme.key()),
                Span::raw(input.to_string()),
                Span::styled("█", theme.dim()),
            ]),
            hint,
        ])
        .block(titled(app.labels.goto.to_string(), theme)),
        rect,
    );
}

fn editor_box(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, editor: &Editor) {
    let rect = large(area);
    frame.render_widget(Clear, rect);
    let what = match &editor.target {
        crate::minutes::Target::Item(n) => n.clone(),
        crate::minutes::Target::Clause(n, i) => format!("{n} · {}", i + 1),
    };
    let private = if editor.private {
        format!(" · {}", app.labels.private)
    } else {
        String::new()
    };
    let block = titled(format!("{} {what}{private}", app.labels.note), theme).title_bottom(
        Line::styled(format!(" {} ", app.labels.editor_hint), theme.dim()),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(&editor.textarea, inner);
}

fn attendance(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    selected: usize,
    adding: Option<&str>,
) {
    let rect = large(area);
    frame.render_widget(Clear, rect);
    let labels = app.labels;
    let present = app
        .minutes
        .participants
        .iter()
        .filter(|p| p.presence == Presence::Present)
        .count();
    let title = format!(
        "{} · {present}/{}",
        labels.attendance,
        app.minutes.participants.len()
    );
    let mut lines: Vec<Line> = app
        .minutes
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let status = match &p.presence {
                Presence::Present => labels.present.to_string(),
                Presence::Absent => labels.absent.to_string(),
                Presence::LeftDuring(item) => format!("{} {item}", labels.left_during),
            };
            let style = match p.presence {
                Presence::Present => theme.outcome(Some(crate::minutes::Outcome::Approved)),
                _ => theme.outcome(Some(crate::minutes::Outcome::Postponed)),
            };
            let line = Line::from(vec![
                Span::raw(format!(" {:<30} ", truncate(&p.name, 30))),
                Span::styled(status, style),
            ]);
            if i == selected && adding.is_none() {
                line.style(theme.cursor())
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        let key = app
            .keymap
            .keys_for(Mode::Attendance, crate::tui::action::Action::AddParticipant)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        lines.push(Line::styled(
            format!("{} {key}", labels.attendance_empty),
            theme.dim(),
        ));
    }
    if let Some(name) = adding {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", labels.add_name), theme.key()),
            Span::raw(name.to_string()),
            Span::styled("█", theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(titled(title, theme)), rect);
}

/// Records whose item left the agenda, with what each holds, and the prompt to attach one.
fn orphans(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    selected: usize,
    attaching: Option<&str>,
) {
    let rect = large(area);
    frame.render_widget(Clear, rect);
    let labels = app.labels;
    let mut lines: Vec<Line> = app
        .minutes
        .orphans
        .iter()
        .enumerate()
        .map(|(i, (key, record))| {
            let mut what: Vec<String> = record
                .outcome
                .iter()
                .chain(record.clauses.values().filter_map(|c| c.outcome.as_ref()))
                .map(|o| labels.outcome(*o).to_string())
                .collect();
            if record.has_notes() {
                what.push(labels.note.to_lowercase());
            }
            if record.elapsed_ms > 0 {
                what.push(crate::minutes::format_duration(record.elapsed_ms));
            }
            let line = Line::from(vec![
                Span::styled(format!(" {key:<6} "), theme.key()),
                Span::raw(format!("{:<40} ", truncate(&record.title, 40))),
                Span::styled(what.join(", "), theme.dim()),
            ]);
            if i == selected && attaching.is_none() {
                line.style(theme.cursor())
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::raw(""));
    match attaching {
        Some(input) => lines.push(Line::from(vec![
            Span::styled(format!("{}: ", labels.attach_to), theme.key()),
            Span::raw(input.to_string()),
            Span::styled("█", theme.dim()),
        ])),
        None => lines.push(Line::styled(labels.orphans_hint, theme.dim())),
    }
    frame.render_widget(
        Paragraph::new(lines).block(titled(labels.orphans.to_string(), theme)),
        rect,
    );
}
