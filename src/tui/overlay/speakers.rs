//! The speakers list of the item the meeting is on: who has spoken and for how long, who speaks
//! now, who waits, in rounds. A name is added from two or three typed letters: the attendance
//! and the agenda's members are searched as the finder searches titles.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::line_input::{LineInput, Typed};
use super::{Component, Flow, Hint, key_line, large, titled};
use crate::minutes::speakers::Speaker;
use crate::minutes::{Presence, format_duration};
use crate::tui::action::Action;
use crate::tui::columns::truncate;
use crate::tui::ctx::Ctx;
use crate::tui::key::Chord;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

/// Names offered while typing.
const SUGGESTIONS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typing {
    Name,
    Limit,
}

#[derive(Debug)]
pub struct Speakers {
    number: String,
    selected: usize,
    typing: Option<(Typing, LineInput)>,
    /// The typed limit could not be read.
    error: bool,
}

impl Speakers {
    /// The list of the item the meeting is on, or else of the cursor's item.
    pub fn open(ctx: &mut Ctx) -> Option<Speakers> {
        let number = match &ctx.minutes().current {
            Some((number, _)) => number.clone(),
            None if ctx.agenda.takes_decisions(ctx.cursor) => ctx.item()?.number.clone(),
            None => {
                ctx.say(ctx.labels.no_item_for_speakers);
                return None;
            }
        };
        Some(Speakers {
            number,
            selected: 0,
            typing: None,
            error: false,
        })
    }

    pub fn number(&self) -> &str {
        &self.number
    }

    /// What is typed for a name, if a name is being typed.
    pub fn typed_name(&self) -> Option<&str> {
        match &self.typing {
            Some((Typing::Name, input)) => Some(input.text()),
            _ => None,
        }
    }

    fn list<'a>(&self, ctx: &'a Ctx) -> &'a [Speaker] {
        ctx.minutes()
            .item(&self.number)
            .map_or(&[], |r| r.speakers.as_slice())
    }

    fn change(&self, ctx: &mut Ctx, f: impl FnOnce(&mut crate::minutes::ItemRecord)) {
        let title = ctx.title_of(&self.number);
        f(ctx.record().item_record(&self.number, &title));
    }

    fn typed(&mut self, key: Chord, ctx: &mut Ctx) {
        let Some((what, input)) = &mut self.typing else {
            return;
        };
        let what = *what;
        match input.handle(ctx.keymap.action(Mode::Prompt, key), key) {
            Typed::Other(Action::Back) => self.typing = None,
            Typed::Other(Action::Confirm) => {
                let text = input.text().trim().to_string();
                match what {
                    Typing::Name => {
                        // The first name that fits; a name nobody has is added as typed.
                        let name = suggestions(ctx, &text, &self.number)
                            .into_iter()
                            .next()
                            .unwrap_or(text);
                        self.change(ctx, |r| {
                            r.add_speaker(&name);
                        });
                        self.typing = None;
                    }
                    Typing::Limit => match parse_limit(&text) {
                        Some(limit) => {
                            ctx.record().speaker_limit_s = limit;
                            self.typing = None;
                        }
                        None => self.error = true,
                    },
                }
            }
            Typed::Changed => self.error = false,
            _ => {}
        }
    }
}

impl Component for Speakers {
    fn mode(&self) -> Mode {
        if self.typing.is_some() {
            Mode::Prompt
        } else {
            Mode::Speakers
        }
    }

    fn handle(&mut self, key: Chord, ctx: &mut Ctx) -> Flow {
        if self.typing.is_some() {
            self.typed(key, ctx);
            return Flow::Stay;
        }
        let count = self.list(ctx).len();
        let now = ctx.now_ms;
        match ctx.keymap.action(Mode::Speakers, key) {
            Some(Action::Back) => return Flow::Close,
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Some(Action::AddSpeaker) => self.typing = Some((Typing::Name, LineInput::default())),
            Some(Action::SpeakerLimit) => {
                let mut input = LineInput::default();
                if let Some(s) = ctx.minutes().speaker_limit_s {
                    input.insert(&format!("{}:{:02}", s / 60, s % 60));
                }
                self.typing = Some((Typing::Limit, input));
            }
            Some(Action::NextSpeaker) if count > 0 => {
                self.change(ctx, |r| {
                    r.next_speaker(now);
                });
                if let Some(at) = self.list(ctx).iter().position(Speaker::is_speaking) {
                    self.selected = at;
                }
            }
            Some(Action::StopSpeaker) if count > 0 => self.change(ctx, |r| r.stop_speaker(now)),
            Some(Action::RemoveSpeaker) if count > 0 => {
                let at = self.selected;
                self.change(ctx, |r| {
                    r.remove_speaker(at);
                });
                self.selected = self.selected.min(self.list(ctx).len().saturating_sub(1));
            }
            Some(action @ (Action::Quit | Action::Help)) => return Flow::Then(action),
            _ => {}
        }
        Flow::Stay
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Flow {
        if let Some((_, input)) = &mut self.typing {
            input.insert(&text.replace('\n', " "));
        }
        Flow::Stay
    }

    fn render(&self, ctx: &Ctx, theme: &Theme, frame: &mut Frame) {
        let rect = large(frame.area());
        frame.render_widget(Clear, rect);
        let labels = ctx.labels;
        let width = usize::from(rect.width.saturating_sub(2));
        let limit = ctx
            .minutes()
            .speaker_limit_s
            .map(|s| {
                format!(
                    " · {} {}",
                    labels.limit,
                    format_duration(u64::from(s) * 1000)
                )
            })
            .unwrap_or_default();
        let item = truncate(&ctx.title_of(&self.number), width.saturating_sub(40));
        let title = format!("{} · {} {item}{limit}", labels.speakers, self.number);
        let mut lines: Vec<Line> = Vec::new();
        let list = self.list(ctx);
        if list.is_empty() {
            lines.push(Line::styled(labels.speakers_empty, theme.dim()));
        }
        for (i, speaker) in list.iter().enumerate() {
            let mut line = speaker_line(ctx, theme, speaker, width);
            if i == self.selected && self.typing.is_none() {
                line = line.patch_style(theme.cursor());
            }
            lines.push(line);
        }
        lines.push(Line::raw(""));
        match &self.typing {
            Some((what, input)) => {
                let hint = match what {
                    Typing::Name => labels.speaker_name_prompt,
                    Typing::Limit => labels.speaker_limit_prompt,
                };
                let mut prompt = vec![Span::styled("> ", theme.key())];
                prompt.extend(input.spans(theme));
                lines.push(Line::from(prompt));
                let style = if self.error {
                    theme.error()
                } else {
                    theme.dim()
                };
                lines.push(Line::styled(hint, style));
                if *what == Typing::Name {
                    for (i, name) in suggestions(ctx, input.text(), &self.number)
                        .iter()
                        .enumerate()
                    {
                        let style = if i == 0 { theme.current() } else { theme.dim() };
                        lines.push(Line::styled(format!("  {}", truncate(name, width)), style));
                    }
                }
            }
            None => lines.push(Line::styled(
                key_line(ctx, Mode::Speakers, self.hints()),
                theme.dim(),
            )),
        }
        frame.render_widget(Paragraph::new(lines).block(titled(title, theme)), rect);
    }

    fn hints(&self) -> &'static [Hint] {
        if self.typing.is_some() {
            return &[
                (Action::Confirm, "tilføj", "add"),
                (Action::Back, "fortryd", "cancel"),
            ];
        }
        &[
            (Action::AddSpeaker, "beder om ordet", "asks to speak"),
            (Action::NextSpeaker, "næste taler", "next speaker"),
            (Action::StopSpeaker, "færdig", "done"),
            (Action::RemoveSpeaker, "fjern", "remove"),
            (Action::SpeakerLimit, "taletid", "limit"),
            (Action::Back, "luk", "close"),
        ]
    }
}

/// "▶ Anne Hansen (A)   1. runde   02:10", the speaker's time marked when over the limit.
pub fn speaker_line<'a>(ctx: &Ctx, theme: &Theme, speaker: &Speaker, width: usize) -> Line<'a> {
    let labels = ctx.labels;
    let (mark, style) = if speaker.is_speaking() {
        ("▶ ", theme.current())
    } else if speaker.done {
        ("✔ ", theme.dim())
    } else {
        ("  ", ratatui::style::Style::new())
    };
    let round = format!("{}. {}", speaker.round, labels.round);
    let time = if speaker.is_waiting() {
        String::new()
    } else {
        format_duration(speaker.spoken_ms(ctx.now_ms))
    };
    // Right-aligned in a column wide enough for an hour: the rounds line up above it.
    let time = format!("{time:>7}");
    let time_style = if ctx.minutes().is_over_limit(speaker, ctx.now_ms) {
        theme.error()
    } else {
        style
    };
    let room = width.saturating_sub(2 + round.len() + 2 + time.len() + 2);
    let name = truncate(&speaker.name, room);
    let gap = room.saturating_sub(crate::tui::columns::width(&name));
    Line::from(vec![
        Span::styled(mark, style),
        Span::styled(name, style),
        Span::raw(" ".repeat(gap + 2)),
        Span::styled(round, theme.dim()),
        Span::raw("  "),
        Span::styled(time, time_style),
    ])
}

/// Names that fit what is typed, best first: the attendance (those present before others) and
/// the agenda's members; none who already wait on this item.
pub fn suggestions(ctx: &Ctx, typed: &str, number: &str) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    let waiting: Vec<&str> = ctx
        .minutes()
        .item(number)
        .map(|r| {
            r.speakers
                .iter()
                .filter(|s| s.is_waiting())
                .map(|s| s.name.as_str())
                .collect()
        })
        .unwrap_or_default();
    let mut names: Vec<(String, bool)> = ctx
        .minutes()
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.presence == Presence::Present))
        .collect();
    let m = &ctx.agenda.meeting;
    for person in m.present.iter().chain(&m.members) {
        let name = person.to_string();
        if !names.iter().any(|(n, _)| *n == name) {
            names.push((name, false));
        }
    }
    let matcher = SkimMatcherV2::default();
    // fuzzy-matcher folds ASCII case only: both sides lowercased, so "æ" finds "Æ".
    let mut scored: Vec<(i64, bool, String)> = names
        .into_iter()
        .filter(|(n, _)| !waiting.contains(&n.as_str()))
        .filter_map(|(name, present)| {
            let score = matcher.fuzzy_match(&name.to_lowercase(), &typed)?;
            Some((score, present, name))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, _, n)| n)
        .collect()
}

/// "3" (minutes), "2:30", "90s"; empty is no limit. `None`: not a time.
fn parse_limit(text: &str) -> Option<Option<u32>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let seconds = if let Some(s) = text.strip_suffix('s') {
        s.trim().parse::<u32>().ok()?
    } else if let Some((m, s)) = text.split_once([':', '.']) {
        let s: u32 = s.parse().ok()?;
        (s < 60).then_some(())?;
        m.parse::<u32>().ok()? * 60 + s
    } else {
        text.trim_end_matches("min").trim().parse::<u32>().ok()? * 60
    };
    (1..=3600).contains(&seconds).then_some(Some(seconds))
}

#[cfg(test)]
mod tests {
    use super::parse_limit;

    #[test]
    fn limits_are_read_as_chairs_say_them() {
        assert_eq!(parse_limit("3"), Some(Some(180)));
        assert_eq!(parse_limit("2:30"), Some(Some(150)));
        assert_eq!(parse_limit("90s"), Some(Some(90)));
        assert_eq!(parse_limit(""), Some(None));
        assert_eq!(parse_limit("2:75"), None);
        assert_eq!(parse_limit("lang"), None);
        assert_eq!(parse_limit("0"), None);
    }
}
