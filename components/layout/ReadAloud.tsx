"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/Button";

type Props = { read: string; stop: string; unavailable: string };

const noSubscription = () => () => {};

/** The voice for the page's language: Mandarin for zh-Hans, Taiwan Mandarin for zh-Hant. */
const speechLang = (lang: string) =>
  lang === "zh-Hant" ? "zh-TW" : lang.startsWith("zh") ? "zh-CN" : "en-GB";

/** Utterances of at most a few sentences: browsers cut long ones off. */
function chunks(text: string): string[] {
  const sentences = text.replace(/\s+/g, " ").match(/[^。！？.!?]+[。！？.!?]?/g) ?? [];
  const out: string[] = [];
  for (const sentence of sentences) {
    const last = out.at(-1);
    if (last && last.length + sentence.length < 180) out[out.length - 1] = last + sentence;
    else if (sentence.trim()) out.push(sentence);
  }
  return out;
}

/**
 * 长辈版 read-aloud (《互联网网站适老化通用设计规范》): reads the page's main content with the
 * browser's own speech synthesis, and stops. Shown only where the browser can speak; without
 * JavaScript, or where the browser cannot speak, a note says how else to have the page read.
 */
export function ReadAloud({ read, stop, unavailable }: Props) {
  // false on the server and where the browser cannot speak: nothing is shown then
  const canSpeak = useSyncExternalStore(
    noSubscription,
    () => "speechSynthesis" in window,
    () => false,
  );
  const [speaking, setSpeaking] = useState(false);
  const queue = useRef<string[]>([]);

  useEffect(() => () => (canSpeak ? window.speechSynthesis.cancel() : undefined), [canSpeak]);

  // the server's answer (and so the page without JavaScript) says how else to have it read
  if (!canSpeak) return <span>{unavailable}</span>;

  const speakNext = () => {
    const text = queue.current.shift();
    if (!text) return setSpeaking(false);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = speechLang(document.documentElement.lang);
    utterance.onend = speakNext;
    utterance.onerror = () => setSpeaking(false);
    window.speechSynthesis.speak(utterance);
  };
  const toggle = () => {
    window.speechSynthesis.cancel();
    if (speaking) {
      queue.current = [];
      return setSpeaking(false);
    }
    queue.current = chunks(document.querySelector("main")?.innerText ?? "");
    setSpeaking(true);
    speakNext();
  };
  return (
    <Button variant="link" onClick={toggle}>
      {speaking ? stop : read}
    </Button>
  );
}
