<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write the log file</source>
        <translation>%1: Protokolldatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 %2 (%3 pieces)</source>
        <translation>%1 %2 (%3 Stücke)</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: keine</translation>
    </message>
    <message>
        <source>Vocabulary: %1</source>
        <translation>Vokabular: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;the model gave it %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;vom Modell mit %2 bewertet</translation>
    </message>
    <message>
        <source>Swap in %1   %2</source>
        <translation>%1 einsetzen   %2</translation>
    </message>
    <message>
        <source>Set %1   %2</source>
        <translation>%1 setzen   %2</translation>
    </message>
    <message>
        <source>The model&apos;s token: %1</source>
        <translation>Token des Modells: %1</translation>
    </message>
    <message>
        <source>Swap in alternative</source>
        <translation>Alternative einsetzen</translation>
    </message>
    <message>
        <source>1 beat</source>
        <translation>1 Schlag</translation>
    </message>
    <message>
        <source>%1 beats</source>
        <translation>%1 Schläge</translation>
    </message>
    <message>
        <source>velocity %1</source>
        <translation>Anschlagstärke %1</translation>
    </message>
    <message>
        <source>end %1 here</source>
        <translation>%1 hier beenden</translation>
    </message>
    <message>
        <source>wait %1</source>
        <translation>%1 warten</translation>
    </message>
    <message>
        <source>go to track %1</source>
        <translation>zu Spur %1 wechseln</translation>
    </message>
    <message>
        <source>end the piece</source>
        <translation>das Stück beenden</translation>
    </message>
    <message>
        <source>%1 for %2, velocity %3</source>
        <translation>%1 für %2, Anschlagstärke %3</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n tune(s) failed</source>
        <translation>
            <numerusform>%n Stück fehlgeschlagen</numerusform>
            <numerusform>%n Stücke fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Erase note</source>
        <translation>Note radieren</translation>
    </message>
    <message>
        <source>Draw note</source>
        <translation>Note zeichnen</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Erase notes</source>
        <translation>Noten radieren</translation>
    </message>
    <message>
        <source>Move notes</source>
        <translation>Noten verschieben</translation>
    </message>
    <message>
        <source>Resize notes</source>
        <translation>Notenlänge ändern</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Export audio</source>
        <translation>Audio exportieren</translation>
    </message>
    <message>
        <source>&amp;Normalise: raise the loudest moment to -1 dBFS (louder than playback)</source>
        <translation>&amp;Normalisieren: die lauteste Stelle auf -1 dBFS anheben (lauter als die Wiedergabe)</translation>
    </message>
    <message>
        <source>Unticked, the file sounds exactly as loud as playback in the studio, often 20 dB or more below full scale</source>
        <translation>Ohne Haken klingt die Datei genau so laut wie die Wiedergabe im Studio, oft 20 dB oder mehr unter Vollaussteuerung</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Keyboard and mouse shortcuts</source>
        <translation>Tastatur- und Mauskürzel</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O / Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open a folder / a file or project&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S / Ctrl+Shift+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the project / save as&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space / Ctrl+Space / Home / L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Play-pause / stop / to start / loop&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E / Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Export MIDI / audio&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;S, D, E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Select, draw, erase tool&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Up / Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Transpose selection a semitone (Shift: an octave)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quantize selection to the grid&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Delete selection&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+A / Ctrl+Alt+A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Select every note / every note of the active track&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+C / Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Copy, paste&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+ / -&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom time; Ctrl+0 fits the piece&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Scroll pitch; Shift+wheel scrolls time&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom time; Ctrl+Shift+wheel zooms pitch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+click, drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add to selection; rubber-band select&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right-click a generated note&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The model&apos;s alternatives&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+O / Strg+Umschalt+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Einen Ordner / eine Datei oder ein Projekt öffnen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+S / Strg+Umschalt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Das Projekt speichern / speichern unter&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Leertaste / Strg+Leertaste / Pos1 / L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Wiedergabe-Pause / Stopp / zum Anfang / Schleife&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+E / Strg+Umschalt+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;MIDI / Audio exportieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Z / Strg+Umschalt+Z oder Strg+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Rückgängig / Wiederherstellen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;S, D, E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl-, Zeichen-, Radierwerkzeug&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Pfeil hoch / runter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl um einen Halbton transponieren (Umschalt: eine Oktave)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl am Raster quantisieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Entf&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl löschen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+A / Strg+Alt+A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Alle Noten / alle Noten der aktiven Spur auswählen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+C / Strg+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Kopieren, Einfügen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+ / -&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zeit zoomen; Strg+0 zeigt das ganze Stück&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tonhöhe scrollen; Umschalt+Mausrad scrollt die Zeit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Mausrad&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zeit zoomen; Strg+Umschalt+Mausrad zoomt die Tonhöhe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Umschalt+Klick, Ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zur Auswahl hinzufügen; mit Rahmen auswählen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rechtsklick auf eine generierte Note&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Die Alternativen des Modells&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About NoteForge</source>
        <translation>Über NoteForge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NoteForge %1&lt;/h3&gt;&lt;p&gt;Train LSTMs on MIDI and ABC music, generate, edit, listen and export.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NoteForge %1&lt;/h3&gt;&lt;p&gt;LSTMs auf MIDI- und ABC-Musik trainieren, generieren, bearbeiten, anhören und exportieren.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The base models learned from the Nottingham Music Database (GPL 3.0), the Polifonia CRE Irish dance tunes (CC BY 4.0), Freedoom&apos;s music (BSD), the Groove MIDI Dataset by Gillick, Roberts, Engel, Eck and Bamman (CC BY 4.0) and the OpenScore Lieder (CC0). The demo data is from the Nottingham Music Database (GPL 3.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Basismodelle lernten aus der Nottingham Music Database (GPL 3.0), den irischen Tanzstücken der Polifonia-CRE-Sammlung (CC BY 4.0), der Musik von Freedoom (BSD), dem Groove MIDI Dataset von Gillick, Roberts, Engel, Eck und Bamman (CC BY 4.0) und den OpenScore Lieder (CC0). Die Demodaten stammen aus der Nottingham Music Database (GPL 3.0).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>nf::AudioExporter</name>
    <message>
        <source>WAV (*.wav)</source>
        <translation>WAV (*.wav)</translation>
    </message>
    <message>
        <source>FLAC (*.flac)</source>
        <translation>FLAC (*.flac)</translation>
    </message>
    <message>
        <source>Ogg Vorbis (*.ogg)</source>
        <translation>Ogg Vorbis (*.ogg)</translation>
    </message>
    <message>
        <source>MP3 (*.mp3)</source>
        <translation>MP3 (*.mp3)</translation>
    </message>
    <message>
        <source>Audio files (%1);;%2</source>
        <translation>Audiodateien (%1);;%2</translation>
    </message>
    <message>
        <source>another export is still running</source>
        <translation>ein anderer Export läuft noch</translation>
    </message>
    <message>
        <source>%1: unknown audio format (use .wav, .flac, .ogg or .mp3)</source>
        <translation>%1: unbekanntes Audioformat (verwenden Sie .wav, .flac, .ogg oder .mp3)</translation>
    </message>
    <message>
        <source>no soundfont found to render with</source>
        <translation>kein SoundFont zum Rendern gefunden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 s of audio, peak %2 dBFS</source>
        <translation>%1 s Audio, Spitze %2 dBFS</translation>
    </message>
    <message>
        <source>; quiet: Normalise in the export dialog raises it to -1 dBFS</source>
        <translation>; leise: „Normalisieren“ im Exportdialog hebt sie auf -1 dBFS an</translation>
    </message>
</context>
<context>
    <name>nf::BaseModelChoice</name>
    <message>
        <source>Nothing (a new model)</source>
        <translation>Nichts (ein neues Modell)</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>Basismodell: %1</translation>
    </message>
    <message>
        <source>A model file...</source>
        <translation>Eine Modelldatei ...</translation>
    </message>
    <message>
        <source>Start from a model</source>
        <translation>Von einem Modell ausgehen</translation>
    </message>
    <message>
        <source>NoteForge models (*.nfm);;All files (*)</source>
        <translation>NoteForge-Modelle (*.nfm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Start from a base model that already knows music and adapt it to your data (minutes on a CPU), or from nothing. A base model keeps its own network, representation and batch size; the epochs, validation share, seed, device and threads below still apply.</source>
        <translation>Von einem Basismodell ausgehen, das schon Musik kennt, und es an Ihre Daten anpassen (Minuten auf einer CPU), oder bei null beginnen. Ein Basismodell behält sein eigenes Netz, seine Darstellung und seine Batchgröße; Epochen, Validierungsanteil, Startwert, Gerät und Threads unten gelten weiterhin.</translation>
    </message>
</context>
<context>
    <name>nf::CallResponseController</name>
    <message>
        <source>the MIDI input stopped delivering (did the JACK server quit?)</source>
        <translation>der MIDI-Eingang liefert nichts mehr (wurde der JACK-Server beendet?)</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>nf::DatasetPanel</name>
    <message>
        <source>Open Folder...</source>
        <translation>Ordner öffnen...</translation>
    </message>
    <message>
        <source>Open a folder of MIDI files or ABC tunes (Ctrl+O)</source>
        <translation>Einen Ordner mit MIDI-Dateien oder ABC-Stücken öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Filter files...</source>
        <translation>Filter...</translation>
    </message>
    <message>
        <source>Show only files whose name, status or error contains this text</source>
        <translation>Nur Dateien zeigen, deren Name, Status oder Fehler diesen Text enthält</translation>
    </message>
    <message>
        <source>Non-music files</source>
        <translation>Andere Dateien</translation>
    </message>
    <message>
        <source>Also list the files that are neither MIDI nor ABC (READMEs, licences)</source>
        <translation>Auch die Dateien auflisten, die weder MIDI noch ABC sind (READMEs, Lizenzen)</translation>
    </message>
    <message>
        <source>Double-click a file to show it in the piano roll</source>
        <translation>Doppelklick auf eine Datei zeigt sie in der Piano-Roll</translation>
    </message>
    <message>
        <source>No dataset loaded</source>
        <translation>Kein Datensatz geladen</translation>
    </message>
    <message>
        <source>Distinct tokens each representation makes of this dataset (what a model must learn)</source>
        <translation>Verschiedene Token, die jede Repräsentation aus diesem Datensatz macht (was ein Modell lernen muss)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading; the files read so far stay listed</source>
        <translation>Laden beenden; die bisher gelesenen Dateien bleiben aufgelistet</translation>
    </message>
    <message>
        <source>Encoding Check...</source>
        <translation>Kodierung prüfen...</translation>
    </message>
    <message>
        <source>Show the file decoded from its tokens beside the original: what a representation throws away</source>
        <translation>Die aus ihren Token dekodierte Datei neben dem Original zeigen: was eine Repräsentation verwirft</translation>
    </message>
    <message>
        <source>Scanning...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 wird geladen</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>%1 von %2 Dateien</translation>
    </message>
    <message>
        <source>Vocabulary: counting...</source>
        <translation>Vokabular: wird gezählt...</translation>
    </message>
    <message>
        <source>%1 files (%2 read, %3 failed, %4 skipped)  ·  %5 pieces  ·  %6 notes  ·  %7</source>
        <translation>%1 Dateien (%2 gelesen, %3 fehlerhaft, %4 übersprungen)  ·  %5 Stücke  ·  %6 Noten  ·  %7</translation>
    </message>
    <message>
        <source>  ·  cancelled: partial</source>
        <translation>  ·  abgebrochen: unvollständig</translation>
    </message>
</context>
<context>
    <name>nf::DatasetTableModel</name>
    <message>
        <source>  (+%1 more)</source>
        <translation>  (+%1 weitere)</translation>
    </message>
    <message>
        <source>
... and %1 more</source>
        <translation>
... und %1 weitere</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Tunes</source>
        <translation>Stücke</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Tunes in an ABC file; 1 for a MIDI file</source>
        <translation>Stücke in einer ABC-Datei; 1 bei einer MIDI-Datei</translation>
    </message>
    <message>
        <source>Tracks with notes (all tunes together for ABC)</source>
        <translation>Spuren mit Noten (bei ABC alle Stücke zusammen)</translation>
    </message>
    <message>
        <source>Playing time through the tempo map (all tunes together for ABC)</source>
        <translation>Spieldauer laut Tempokarte (bei ABC alle Stücke zusammen)</translation>
    </message>
    <message>
        <source>Why a file could not be read: file, line or byte offset, and what is wrong</source>
        <translation>Warum eine Datei nicht gelesen werden konnte: Datei, Zeile oder Byte-Position und was falsch ist</translation>
    </message>
</context>
<context>
    <name>nf::EditController</name>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>%n Note kopiert</numerusform>
            <numerusform>%n Noten kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>The clipboard holds no notes</source>
        <translation>Die Zwischenablage enthält keine Noten</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Delete notes</source>
        <translation>Noten löschen</translation>
    </message>
    <message>
        <source>Cannot transpose: a note would leave the MIDI range 0..127</source>
        <translation>Transponieren nicht möglich: Eine Note würde den MIDI-Bereich 0..127 verlassen</translation>
    </message>
    <message>
        <source>Transpose up</source>
        <translation>Nach oben transponieren</translation>
    </message>
    <message>
        <source>Transpose down</source>
        <translation>Nach unten transponieren</translation>
    </message>
    <message>
        <source>Choose a snap grid to quantize to</source>
        <translation>Wählen Sie ein Raster zum Quantisieren</translation>
    </message>
    <message>
        <source>Already on the grid</source>
        <translation>Bereits am Raster</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>Quantisieren</translation>
    </message>
</context>
<context>
    <name>nf::EncodingCheckDialog</name>
    <message>
        <source>Encoding check – %1</source>
        <translation>Kodierungsprüfung – %1</translation>
    </message>
    <message>
        <source>The representation to encode into and decode from</source>
        <translation>Die Repräsentation, in die kodiert und aus der dekodiert wird</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;Original&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decoded from its tokens&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aus den Token dekodiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Representation:</source>
        <translation>Repräsentation:</translation>
    </message>
    <message>
        <source>decoded</source>
        <translation>dekodiert</translation>
    </message>
    <message>
        <source>%1 tokens. Of %2 notes (drums aside), %3 keep their pitch and onset; of those, %4 keep their length and %5 their velocity. Decoded: %6 notes.</source>
        <translation>%1 Token. Von %2 Noten (ohne Schlagzeug) behalten %3 Tonhöhe und Einsatz; davon behalten %4 ihre Länge und %5 ihre Anschlagstärke. Dekodiert: %6 Noten.</translation>
    </message>
    <message>
        <source>This representation cannot hold this piece: %1</source>
        <translation>Diese Repräsentation kann dieses Stück nicht fassen: %1</translation>
    </message>
</context>
<context>
    <name>nf::ExportController</name>
    <message>
        <source>Nothing to export: no piece is open</source>
        <translation>Nichts zu exportieren: Kein Stück ist geöffnet</translation>
    </message>
    <message>
        <source>Nothing selected to export</source>
        <translation>Nichts zum Exportieren ausgewählt</translation>
    </message>
    <message>
        <source>%1: no monophonic track to write as ABC (ABC export takes one melody)</source>
        <translation>%1: keine einstimmige Spur, die sich als ABC schreiben lässt (der ABC-Export nimmt eine Melodie)</translation>
    </message>
</context>
<context>
    <name>nf::GenerationController</name>
    <message>
        <source>no dataset loaded to take a primer from</source>
        <translation>kein Datensatz geladen, aus dem eine Vorlage genommen werden kann</translation>
    </message>
    <message>
        <source>select some notes in the piano roll to continue</source>
        <translation>wählen Sie in der Piano-Roll die Noten aus, die fortgesetzt werden sollen</translation>
    </message>
    <message>
        <source>A generation is already running</source>
        <translation>Es läuft bereits eine Generierung</translation>
    </message>
    <message>
        <source>Choose a model to generate with (train one, or open a model file)</source>
        <translation>Wählen Sie ein Modell zum Generieren (trainieren Sie eines oder öffnen Sie eine Modelldatei)</translation>
    </message>
    <message>
        <source>this drum GAN writes new parts only: one trained with the &quot;Drum GAN following the band&quot; preset continues a bar</source>
        <translation>dieses Schlagzeug-GAN schreibt nur neue Stimmen: eines, das mit der Vorlage „Schlagzeug-GAN, das der Band folgt“ trainiert wurde, setzt einen Takt fort</translation>
    </message>
    <message>
        <source>select a whole %1/%2 bar of drums to continue</source>
        <translation>einen ganzen %1/%2-Takt Schlagzeug zum Fortsetzen auswählen</translation>
    </message>
</context>
<context>
    <name>nf::GenerationPanel</name>
    <message>
        <source>C major</source>
        <translation>C-Dur</translation>
    </message>
    <message>
        <source>Db major</source>
        <translation>Des-Dur</translation>
    </message>
    <message>
        <source>D major</source>
        <translation>D-Dur</translation>
    </message>
    <message>
        <source>Eb major</source>
        <translation>Es-Dur</translation>
    </message>
    <message>
        <source>E major</source>
        <translation>E-Dur</translation>
    </message>
    <message>
        <source>F major</source>
        <translation>F-Dur</translation>
    </message>
    <message>
        <source>F# major</source>
        <translation>Fis-Dur</translation>
    </message>
    <message>
        <source>G major</source>
        <translation>G-Dur</translation>
    </message>
    <message>
        <source>Ab major</source>
        <translation>As-Dur</translation>
    </message>
    <message>
        <source>A major</source>
        <translation>A-Dur</translation>
    </message>
    <message>
        <source>Bb major</source>
        <translation>B-Dur</translation>
    </message>
    <message>
        <source>B major</source>
        <translation>H-Dur</translation>
    </message>
    <message>
        <source>C minor</source>
        <translation>c-Moll</translation>
    </message>
    <message>
        <source>C# minor</source>
        <translation>cis-Moll</translation>
    </message>
    <message>
        <source>D minor</source>
        <translation>d-Moll</translation>
    </message>
    <message>
        <source>Eb minor</source>
        <translation>es-Moll</translation>
    </message>
    <message>
        <source>E minor</source>
        <translation>e-Moll</translation>
    </message>
    <message>
        <source>F minor</source>
        <translation>f-Moll</translation>
    </message>
    <message>
        <source>F# minor</source>
        <translation>fis-Moll</translation>
    </message>
    <message>
        <source>G minor</source>
        <translation>g-Moll</translation>
    </message>
    <message>
        <source>G# minor</source>
        <translation>gis-Moll</translation>
    </message>
    <message>
        <source>A minor</source>
        <translation>a-Moll</translation>
    </message>
    <message>
        <source>Bb minor</source>
        <translation>b-Moll</translation>
    </message>
    <message>
        <source>B minor</source>
        <translation>h-Moll</translation>
    </message>
    <message>
        <source>The model to generate with: a base model (no training needed), the training just finished, a checkpoint or a model file</source>
        <translation>Das Modell zum Generieren: ein Basismodell (ohne Training), das eben beendete Training, ein Checkpoint oder eine Modelldatei</translation>
    </message>
    <message>
        <source>%1 (base model)</source>
        <translation>%1 (Basismodell)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Eine Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Most tokens generated per piece</source>
        <translation>Höchstzahl erzeugter Token pro Stück</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>Greedy</translation>
    </message>
    <message>
        <source>Always take the most likely token (the paper&apos;s choice; no randomness)</source>
        <translation>Immer das wahrscheinlichste Token nehmen (die Wahl des Papers; kein Zufall)</translation>
    </message>
    <message>
        <source>Below 1: safer, more repetitive; above 1: bolder, more random</source>
        <translation>Unter 1: sicherer, mehr Wiederholungen; über 1: kühner, zufälliger</translation>
    </message>
    <message>
        <source>Sample only among the K most likely tokens; 0 = all</source>
        <translation>Nur unter den K wahrscheinlichsten Token ziehen; 0 = alle</translation>
    </message>
    <message>
        <source>Sample only among the most likely tokens that together reach P</source>
        <translation>Nur unter den wahrscheinlichsten Token ziehen, die zusammen P erreichen</translation>
    </message>
    <message>
        <source>Penalty for tokens used in the last 16 (1 = off)</source>
        <translation>Abzug für Token, die unter den letzten 16 vorkamen (1 = aus)</translation>
    </message>
    <message>
        <source>Never repeat an n-gram of this many tokens; 0 = off</source>
        <translation>Nie ein n-Gramm aus so vielen Token wiederholen; 0 = aus</translation>
    </message>
    <message>
        <source>Events models: a note held this many beats is released (0 = off), so a model that forgets its note-offs cannot hold notes to the end</source>
        <translation>Events-Modelle: Eine so viele Schläge gehaltene Note wird beendet (0 = aus), damit ein Modell, das seine Note-Offs vergisst, keine Noten bis zum Ende hält</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Events models: no note starts while this many sound (0 = off)</source>
        <translation>Events-Modelle: Keine Note beginnt, solange so viele klingen (0 = aus)</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same piece</source>
        <translation>Zufalls-Seed: Derselbe Seed ergibt dasselbe Stück</translation>
    </message>
    <message>
        <source>How many pieces to generate at once (seeds seed, seed+1, ...)</source>
        <translation>Wie viele Stücke auf einmal generiert werden (Seeds seed, seed+1, ...)</translation>
    </message>
    <message>
        <source>What the model continues</source>
        <translation>Was das Modell fortsetzt</translation>
    </message>
    <message>
        <source>Nothing (start of a piece)</source>
        <translation>Nichts (Anfang eines Stücks)</translation>
    </message>
    <message>
        <source>Random training window</source>
        <translation>Zufälliges Trainingsfenster</translation>
    </message>
    <message>
        <source>Piano-roll selection</source>
        <translation>Auswahl in der Piano-Roll</translation>
    </message>
    <message>
        <source>A file...</source>
        <translation>Eine Datei...</translation>
    </message>
    <message>
        <source>Record from a MIDI keyboard...</source>
        <translation>Von einem MIDI-Keyboard aufnehmen...</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>Wdh.-Abzug:</translation>
    </message>
    <message>
        <source>No-repeat n-gram:</source>
        <translation>n-Gramm-Sperre:</translation>
    </message>
    <message>
        <source>Longest note (beats):</source>
        <translation>Max. Notenlänge:</translation>
    </message>
    <message>
        <source>Most notes at once:</source>
        <translation>Max. Polyphonie:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Variations:</source>
        <translation>Varianten:</translation>
    </message>
    <message>
        <source>Primer:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Generate in the background; results appear in the list</source>
        <translation>Im Hintergrund generieren; die Ergebnisse erscheinen in der Liste</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop generating; what was made so far is kept</source>
        <translation>Generierung beenden; das bisher Erzeugte bleibt erhalten</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>The same recipe with the next seeds</source>
        <translation>Dasselbe Rezept mit den nächsten Seeds</translation>
    </message>
    <message>
        <source>Save MIDI...</source>
        <translation>Speichern...</translation>
    </message>
    <message>
        <source>Write the selected result as MIDI with its recipe</source>
        <translation>Das ausgewählte Ergebnis samt Rezept als MIDI schreiben</translation>
    </message>
    <message>
        <source>Add to Piece</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected result&apos;s tracks to the piece in the editor (a melody plus a drum track become one song)</source>
        <translation>Die Spuren des ausgewählten Ergebnisses dem Stück im Editor hinzufügen (aus einer Melodie und einer Schlagzeugspur wird ein Song)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected result from the list</source>
        <translation>Das ausgewählte Ergebnis aus der Liste entfernen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <source>Novel 8-grams</source>
        <translation>Neue 8-Gramme</translation>
    </message>
    <message>
        <source>Longest copy</source>
        <translation>Längste Kopie</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Key fit</source>
        <translation>Tonart-Treue</translation>
    </message>
    <message>
        <source>Share of 8-note melody fragments found nowhere in the training data</source>
        <translation>Anteil der Melodiefragmente aus 8 Noten, die nirgends in den Trainingsdaten vorkommen</translation>
    </message>
    <message>
        <source>Longest run of notes copied from one training piece</source>
        <translation>Längste Notenfolge, die aus einem Trainingsstück kopiert ist</translation>
    </message>
    <message>
        <source>Share of notes that repeat the one before</source>
        <translation>Anteil der Noten, die die vorige wiederholen</translation>
    </message>
    <message>
        <source>Estimated key and the share of notes in its scale</source>
        <translation>Geschätzte Tonart und der Anteil der Noten in ihrer Tonleiter</translation>
    </message>
    <message>
        <source>Double-click a result to open it in the piano roll</source>
        <translation>Doppelklick auf ein Ergebnis öffnet es in der Piano-Roll</translation>
    </message>
    <message>
        <source>Primer: a MIDI or ABC file to continue</source>
        <translation>Vorlage: eine MIDI- oder ABC-Datei zum Fortsetzen</translation>
    </message>
    <message>
        <source>Music files (*.mid *.midi *.abc);;All files (*)</source>
        <translation>Musikdateien (*.mid *.midi *.abc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>NoteForge models (*.nfm *.nfmodel *.ckpt);;All files (*)</source>
        <translation>NoteForge-Modelle (*.nfm *.nfmodel *.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n piece(s)</source>
        <translation>
            <numerusform>%n Stück generiert</numerusform>
            <numerusform>%n Stücke generiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 Noten</translation>
    </message>
    <message>
        <source>Save generated piece</source>
        <translation>Generiertes Stück speichern</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Bars of the new piece (or of the continuation of the selection)</source>
        <translation>Takte des neuen Stücks (oder der Fortsetzung der Auswahl)</translation>
    </message>
    <message>
        <source>The new piece&apos;s meter</source>
        <translation>Die Taktart des neuen Stücks</translation>
    </message>
    <message>
        <source>The new piece&apos;s tempo in quarter notes per minute</source>
        <translation>Das Tempo des neuen Stücks in Vierteln pro Minute</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> bpm</translation>
    </message>
    <message>
        <source>The key the piece starts in; notes outside its scale stay possible</source>
        <translation>Die Tonart, in der das Stück beginnt; Töne außerhalb ihrer Tonleiter bleiben möglich</translation>
    </message>
    <message>
        <source>The model chooses</source>
        <translation>Das Modell wählt</translation>
    </message>
    <message>
        <source>Bars:</source>
        <translation>Takte:</translation>
    </message>
    <message>
        <source>Meter:</source>
        <translation>Taktart:</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Tonart:</translation>
    </message>
</context>
<context>
    <name>nf::HyperparameterForm</name>
    <message>
        <source>Fine-tuning keeps %1&apos;s representation and network, and trains them gently (a third of its learning rate; adapters: its own). Start from &quot;Nothing (a new model)&quot; to set these.</source>
        <translation>Das Feintuning behält Darstellung und Netz von %1 und trainiert sie behutsam (ein Drittel seiner Lernrate; Adapter: seine eigene). Als Ausgangspunkt „Nichts (ein neues Modell)“ wählen, um sie einzustellen.</translation>
    </message>
    <message>
        <source>NoteForge LSTM (events)</source>
        <translation>NoteForge-LSTM (Events)</translation>
    </message>
    <message>
        <source>Paper: MIDI LSTM</source>
        <translation>Paper: MIDI-LSTM</translation>
    </message>
    <message>
        <source>Paper: ABC LSTM</source>
        <translation>Paper: ABC-LSTM</translation>
    </message>
    <message>
        <source>Start from the paper&apos;s models or NoteForge&apos;s own; every value stays editable</source>
        <translation>Von den Modellen des Papers oder dem eigenen von NoteForge ausgehen; jeder Wert bleibt änderbar</translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation>Durchläufe über die Trainingsdaten</translation>
    </message>
    <message>
        <source>Windows per optimiser step</source>
        <translation>Fenster pro Optimiererschritt</translation>
    </message>
    <message>
        <source>Tokens per training window</source>
        <translation>Token pro Trainingsfenster</translation>
    </message>
    <message>
        <source>Optimiser (the paper used RMSprop)</source>
        <translation>Optimierer (das Paper nutzte RMSprop)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Share of pieces held out for validation</source>
        <translation>Anteil der Stücke, die zur Validierung zurückgehalten werden</translation>
    </message>
    <message>
        <source>Random seed: the same seed and data give the same model</source>
        <translation>Zufalls-Seed: Derselbe Seed und dieselben Daten ergeben dasselbe Modell</translation>
    </message>
    <message>
        <source>Epochs between checkpoints</source>
        <translation>Epochen zwischen Checkpoints</translation>
    </message>
    <message>
        <source>Where to train: a CUDA GPU when available, else every CPU core</source>
        <translation>Wo trainiert wird: auf einer CUDA-GPU, wenn vorhanden, sonst auf allen CPU-Kernen</translation>
    </message>
    <message>
        <source>CPU threads; 0 = every core but one (kept for the window and the sound)</source>
        <translation>CPU-Threads; 0 = alle Kerne außer einem (der bleibt für Fenster und Klang)</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Representation:</source>
        <translation>Repräsentation:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>LSTM-Einheiten:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>Embedding:</source>
        <translation>Einbettung:</translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <source>Optimiser:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <source>Transformer small (CPU)</source>
        <translation>Transformer klein (CPU)</translation>
    </message>
    <message>
        <source>Transformer base (GPU)</source>
        <translation>Transformer Basis (GPU)</translation>
    </message>
    <message>
        <source>LSTM units per layer (transformer: the width of its MLP)</source>
        <translation>LSTM-Einheiten pro Schicht (Transformer: Breite seines MLP)</translation>
    </message>
    <message>
        <source>Stacked LSTM layers (transformer: blocks)</source>
        <translation>Gestapelte LSTM-Schichten (Transformer: Blöcke)</translation>
    </message>
    <message>
        <source>Token embedding size (transformer: its width)</source>
        <translation>Größe der Token-Einbettung (Transformer: seine Breite)</translation>
    </message>
    <message>
        <source>Dropout after each LSTM layer (transformer: after attention and MLP)</source>
        <translation>Dropout nach jeder LSTM-Schicht (Transformer: nach Attention und MLP)</translation>
    </message>
    <message>
        <source>About 2M parameters: trains in minutes on two CPU cores</source>
        <translation>Etwa 2 Mio. Parameter: lernt in Minuten auf zwei CPU-Kernen</translation>
    </message>
    <message>
        <source>About 20M parameters: for a GPU</source>
        <translation>Etwa 20 Mio. Parameter: für eine GPU</translation>
    </message>
    <message>
        <source>Drums (LSTM)</source>
        <translation>Schlagzeug (LSTM)</translation>
    </message>
    <message>
        <source>Learns the drum parts of the data (channel 10) for Compose &gt; Add Part &gt; Drums from a drum model; other parts are skipped</source>
        <translation>Lernt die Schlagzeugstimmen der Daten (Kanal 10) für Komponieren &gt; Stimme hinzufügen &gt; Schlagzeug aus einem Schlagzeugmodell; andere Stimmen werden übersprungen</translation>
    </message>
    <message>
        <source>How music becomes tokens: performance events; remi, bars with instruments and controls (lstm and transformer; what Compose needs to rewrite bars, add parts and continue); the paper&apos;s note names; ABC characters; or drum patterns (the drum parts only)</source>
        <translation>Wie Musik zu Tokens wird: Spielereignisse; remi, Takte mit Instrumenten und Reglern (LSTM und Transformer; was Komponieren zum Neuschreiben von Takten, Hinzufügen von Stimmen und Fortsetzen braucht); die Notennamen des Papers; ABC-Zeichen; oder Schlagzeugmuster (nur die Schlagzeugstimmen)</translation>
    </message>
    <message>
        <source>Paper: drum LSTM-GAN</source>
        <translation>Paper: Schlagzeug-LSTM-GAN</translation>
    </message>
    <message>
        <source>Drum GAN (LSTM generator)</source>
        <translation>Schlagzeug-GAN (LSTM-Generator)</translation>
    </message>
    <message>
        <source>The paper&apos;s drum GAN made to train: its Dense/BatchNorm generator against an LSTM critic (WGAN-GP); learns one-bar patterns of the data&apos;s drum parts, in their most common meter</source>
        <translation>Das Schlagzeug-GAN des Papers, so gebaut, dass es lernt: sein Dense/BatchNorm-Generator gegen einen LSTM-Kritiker (WGAN-GP); lernt eintaktige Muster der Schlagzeugstimmen der Daten, in ihrer häufigsten Taktart</translation>
    </message>
    <message>
        <source>The drum GAN with NoteForge&apos;s generator: an LSTM that writes the bar step by step</source>
        <translation>Das Schlagzeug-GAN mit NoteForges Generator: ein LSTM, das den Takt Schritt für Schritt schreibt</translation>
    </message>
    <message>
        <source>Drums following the band</source>
        <translation>Schlagzeug, das der Band folgt</translation>
    </message>
    <message>
        <source>Learns the drum parts and where the other parts play on each step, so Add Part&apos;s drums follow the piece&apos;s band (kick under the bass, hits with the chords)</source>
        <translation>Lernt die Schlagzeugstimmen und, wo die anderen Stimmen auf jedem Schritt spielen, damit das Schlagzeug von „Stimme hinzufügen“ der Band des Stücks folgt (Bassdrum unter dem Bass, Schläge mit den Akkorden)</translation>
    </message>
    <message>
        <source>Drum GAN following the band</source>
        <translation>Schlagzeug-GAN, das der Band folgt</translation>
    </message>
    <message>
        <source>The LSTM drum GAN conditioned on where the other parts play on each step and on the bar before, so Add Part&apos;s drums follow the piece and carry their groove from bar to bar</source>
        <translation>Das LSTM-Schlagzeug-GAN, bedingt darauf, wo die anderen Stimmen auf jedem Schritt spielen, und auf den Takt davor: Das Schlagzeug von „Stimme hinzufügen“ folgt dem Stück und trägt seinen Groove von Takt zu Takt</translation>
    </message>
</context>
<context>
    <name>nf::LogPanel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>nf::MainWindow</name>
    <message>
        <source> Grid </source>
        <translation> Raster </translation>
    </message>
    <message>
        <source>Snap grid for drawing, moving, resizing and quantizing</source>
        <translation>Raster, an dem Zeichnen, Verschieben, Längenändern und Quantisieren einrasten</translation>
    </message>
    <message>
        <source> Piece </source>
        <translation> Stück </translation>
    </message>
    <message>
        <source>Tunes of the file shown (ABC files hold many)</source>
        <translation>Stücke der angezeigten Datei (ABC-Dateien enthalten viele)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>Bedienfeld „%1“ ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>No dataset to open: the bundled demo data was not found. Use File &gt; Open Folder.</source>
        <translation>Kein Datensatz zum Öffnen: Die mitgelieferten Demodaten wurden nicht gefunden. Verwenden Sie Datei &gt; Ordner öffnen.</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 wird geladen</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>%1 wird geladen...</translation>
    </message>
    <message>
        <source>%1: %2 files read, %3 failed, %4 pieces, %5 notes%6</source>
        <translation>%1: %2 Dateien gelesen, %3 fehlgeschlagen, %4 Stücke, %5 Noten%6</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read; they are listed with their errors in the Dataset panel.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden; sie ist mit ihrem Fehler im Bedienfeld Datensatz aufgeführt.</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden; sie sind mit ihren Fehlern im Bedienfeld Datensatz aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>Dataset loaded</source>
        <translation>Datensatz geladen</translation>
    </message>
    <message>
        <source>%1: could not be loaded</source>
        <translation>%1: konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>This file holds no music that could be read</source>
        <translation>Diese Datei enthält keine lesbare Musik</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
    <message>
        <source>No file manager to show %1</source>
        <translation>Kein Dateimanager, um %1 anzuzeigen</translation>
    </message>
    <message>
        <source>%1 items dropped; opening %2 (put the files in one folder and drop the folder to use them all)</source>
        <translation>%1 Elemente abgelegt; %2 wird geöffnet (legen Sie die Dateien in einen Ordner und ziehen Sie den Ordner herein, um alle zu verwenden)</translation>
    </message>
</context>
<context>
    <name>nf::MessageBar</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show the Log panel</source>
        <translation>Das Bedienfeld Protokoll zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>nf::MidiRecordController</name>
    <message>
        <source> (connect your keyboard to it)</source>
        <translation> (schließen Sie Ihr Keyboard daran an)</translation>
    </message>
</context>
<context>
    <name>nf::PianoKeyboard</name>
    <message>
        <source>Click a key to hear it; drag over keys to set the pitch range of a regeneration</source>
        <translation>Klick auf eine Taste spielt sie; Ziehen über Tasten setzt den Tonumfang einer Neufassung</translation>
    </message>
</context>
<context>
    <name>nf::PianoRollCanvas</name>
    <message>
        <source>Double-click a file in the Dataset panel to show it here</source>
        <translation>Doppelklicken Sie eine Datei im Bedienfeld Datensatz, um sie hier zu zeigen</translation>
    </message>
</context>
<context>
    <name>nf::PianoRollView</name>
    <message>
        <source>Vel</source>
        <translation>Vel</translation>
    </message>
    <message>
        <source>Bar %1  ·  %2  ·  tick %3</source>
        <translation>Takt %1  ·  %2  ·  Tick %3</translation>
    </message>
</context>
<context>
    <name>nf::PlaybackController</name>
    <message>
        <source>Sound: MIDI port %1 (%2)</source>
        <translation>Klang: MIDI-Port %1 (%2)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>PipeWire / PulseAudio</source>
        <translation>PipeWire / PulseAudio</translation>
    </message>
    <message>
        <source>JACK</source>
        <translation>JACK</translation>
    </message>
    <message>
        <source>ALSA</source>
        <translation>ALSA</translation>
    </message>
    <message>
        <source>no audio device to play on (export to a file instead)</source>
        <translation>kein Audiogerät zum Abspielen (exportieren Sie stattdessen in eine Datei)</translation>
    </message>
    <message>
        <source>no soundfont found (choose one in Transport &gt; Soundfont)</source>
        <translation>kein SoundFont gefunden (wählen Sie einen unter Transport &gt; SoundFont)</translation>
    </message>
    <message>
        <source>Sound: %1 through %2 (%3)</source>
        <translation>Klang: %1 über %2 (%3)</translation>
    </message>
    <message>
        <source>No playback: %1</source>
        <translation>Keine Wiedergabe: %1</translation>
    </message>
    <message>
        <source>automatic choice</source>
        <translation>automatische Wahl</translation>
    </message>
    <message>
        <source>chosen by the user</source>
        <translation>vom Benutzer gewählt</translation>
    </message>
    <message>
        <source>Soundfont: %1</source>
        <translation>SoundFont: %1</translation>
    </message>
    <message>
        <source>installed General MIDI soundfont</source>
        <translation>installierter General-MIDI-SoundFont</translation>
    </message>
    <message>
        <source>NoteForge&apos;s bundled chip soundfont</source>
        <translation>mitgelieferter Chip-SoundFont von NoteForge</translation>
    </message>
    <message>
        <source>no soundfont</source>
        <translation>kein SoundFont</translation>
    </message>
</context>
<context>
    <name>nf::RemoteTrainingRun</name>
    <message>
        <source>Cannot reach %1 over ssh: %2</source>
        <translation>%1 ist über ssh nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Looking for noteforge-cli %1 on %2...</source>
        <translation>Suche noteforge-cli %1 auf %2 ...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 has no noteforge-cli %2%3: build the trainer there (docs/gpu.md, &quot;Train on another machine from the studio&quot;)</source>
        <translation>%1 hat kein noteforge-cli %2%3: Bauen Sie den Trainer dort (docs/gpu.md, „Train on another machine from the studio“)</translation>
    </message>
    <message>
        <source> (found: %1)</source>
        <translation> (gefunden: %1)</translation>
    </message>
    <message>
        <source>Copying the data to %1 (%2 kB)...</source>
        <translation>Kopiere die Daten nach %1 (%2 kB) ...</translation>
    </message>
    <message>
        <source>Copying to %1 failed: %2</source>
        <translation>Kopieren nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Starting the training on %1...</source>
        <translation>Starte das Training auf %1 ...</translation>
    </message>
    <message>
        <source>Training on %1 (process %2); its figures follow</source>
        <translation>Training auf %1 (Prozess %2); seine Werte folgen</translation>
    </message>
    <message>
        <source>Reattaching to the training on %1...</source>
        <translation>Verbinde wieder mit dem Training auf %1 ...</translation>
    </message>
    <message>
        <source>A line of the remote event log was skipped: %1</source>
        <translation>Eine Zeile des entfernten Ereignisprotokolls wurde übersprungen: %1</translation>
    </message>
    <message>
        <source>Connection to %1 lost (%2); the training goes on there. Reconnecting...</source>
        <translation>Verbindung zu %1 verloren (%2); das Training läuft dort weiter. Verbinde neu ...</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <source>it ended with status %1</source>
        <translation>es endete mit Status %1</translation>
    </message>
    <message>
        <source>The training on %1 failed: %2</source>
        <translation>Das Training auf %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Copying the model back from %1...</source>
        <translation>Kopiere das Modell von %1 zurück ...</translation>
    </message>
    <message>
        <source>Not copied from %1: %2 (%3)</source>
        <translation>Nicht von %1 kopiert: %2 (%3)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The training on %1 is not running</source>
        <translation>Das Training auf %1 läuft nicht</translation>
    </message>
    <message>
        <source>Stopped following the training on %1; it may still be running there, in %2</source>
        <translation>Das Training auf %1 wird nicht mehr verfolgt; es läuft dort vielleicht noch, in %2</translation>
    </message>
    <message>
        <source>Could not pause the training on %1: %2</source>
        <translation>Das Training auf %1 konnte nicht pausiert werden: %2</translation>
    </message>
    <message>
        <source>Could not resume the training on %1: %2</source>
        <translation>Das Training auf %1 konnte nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Could not stop the training on %1: %2</source>
        <translation>Das Training auf %1 konnte nicht beendet werden: %2</translation>
    </message>
    <message>
        <source>The folder %1 on %2 may only have letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;/&apos; in its name</source>
        <translation>Der Ordner %1 auf %2 darf in seinem Namen nur Buchstaben, Ziffern, „.“, „_“, „-“ und „/“ enthalten</translation>
    </message>
    <message>
        <source>%1 has no noteforge-cli %2: building it there from this studio&apos;s sources (once; some minutes)...</source>
        <translation>%1 hat kein noteforge-cli %2: es wird dort aus den Quellen dieses Studios gebaut (einmalig; einige Minuten) ...</translation>
    </message>
    <message>
        <source>%1: cannot create %2</source>
        <translation>%1: %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Building noteforge-cli %1 on %2: step %3 of %4</source>
        <translation>Baue noteforge-cli %1 auf %2: Schritt %3 von %4</translation>
    </message>
    <message>
        <source>Built noteforge-cli %1 on %2: %3</source>
        <translation>noteforge-cli %1 auf %2 gebaut: %3</translation>
    </message>
    <message>
        <source>build on %1: %2</source>
        <translation>Bau auf %1: %2</translation>
    </message>
    <message>
        <source>Building noteforge-cli on %1 failed: %2 (the Log has the build&apos;s last lines)</source>
        <translation>Der Bau von noteforge-cli auf %1 ist fehlgeschlagen: %2 (das Protokoll enthält die letzten Zeilen des Baus)</translation>
    </message>
    <message>
        <source>Pause works once the training runs on %1</source>
        <translation>Pausieren geht, sobald das Training auf %1 läuft</translation>
    </message>
    <message>
        <source>Stopped before the training started on %1</source>
        <translation>Beendet, bevor das Training auf %1 begann</translation>
    </message>
    <message>
        <source>%1 could not be started: install the OpenSSH client (package openssh-client)</source>
        <translation>%1 konnte nicht gestartet werden: Installieren Sie den OpenSSH-Client (Paket openssh-client)</translation>
    </message>
</context>
<context>
    <name>nf::SnapGrid</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>1/4 triplet</source>
        <translation>1/4-Triole</translation>
    </message>
    <message>
        <source>1/8 triplet</source>
        <translation>1/8-Triole</translation>
    </message>
    <message>
        <source>1/16 triplet</source>
        <translation>1/16-Triole</translation>
    </message>
</context>
<context>
    <name>nf::SteeringController</name>
    <message>
        <source>No model yet: train one, or choose a model file in the Generation panel</source>
        <translation>Noch kein Modell: trainieren Sie eines oder wählen Sie eine Modelldatei im Bereich Generierung</translation>
    </message>
    <message>
        <source>Opening the model...</source>
        <translation>Modell wird geöffnet...</translation>
    </message>
    <message>
        <source>This model cannot rewrite bars or add parts: only models trained on the remi representation (lstm or transformer) can. The paper&apos;s models only generate whole pieces.</source>
        <translation>Dieses Modell kann keine Takte neu schreiben und keine Stimmen hinzufügen: das können nur Modelle, die auf der remi-Darstellung trainiert wurden (lstm oder transformer). Die Modelle des Artikels erzeugen nur ganze Stücke.</translation>
    </message>
    <message>
        <source>The model is not ready yet</source>
        <translation>Das Modell ist noch nicht bereit</translation>
    </message>
    <message>
        <source>This is a drums model: Compose &gt; Add Part writes a drum part with it; rewriting bars and continuing need a model trained on the remi representation</source>
        <translation>Dies ist ein Schlagzeugmodell: Komponieren &gt; Stimme hinzufügen schreibt damit eine Schlagzeugstimme; Takte neu schreiben und Fortsetzen brauchen ein Modell, das auf der remi-Darstellung trainiert wurde</translation>
    </message>
</context>
<context>
    <name>nf::SteeringForm</name>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Notes per bar the model aims at (auto: its own choice)</source>
        <translation>Noten pro Takt, die das Modell anstrebt (auto: seine eigene Wahl)</translation>
    </message>
    <message>
        <source>Most notes sounding at once; never exceeded</source>
        <translation>Höchstens so viele Noten klingen gleichzeitig; wird nie überschritten</translation>
    </message>
    <message>
        <source>Lowest pitch; nothing below it is written</source>
        <translation>Tiefste Tonhöhe; darunter wird nichts geschrieben</translation>
    </message>
    <message>
        <source>Highest pitch; nothing above it is written</source>
        <translation>Höchste Tonhöhe; darüber wird nichts geschrieben</translation>
    </message>
    <message>
        <source>Key lock</source>
        <translation>Tonart sperren</translation>
    </message>
    <message>
        <source>Write only notes of the scale (its rows are highlighted in the piano roll)</source>
        <translation>Nur Noten der Skala schreiben (ihre Zeilen sind in der Pianorolle hervorgehoben)</translation>
    </message>
    <message>
        <source>The scale of the key lock</source>
        <translation>Die Skala der Tonartsperre</translation>
    </message>
    <message>
        <source>Mean note length in beats (auto: the model&apos;s choice)</source>
        <translation>Mittlere Notenlänge in Schlägen (auto: Wahl des Modells)</translation>
    </message>
    <message>
        <source>Below 1: safer choices; above 1: more adventurous</source>
        <translation>Unter 1: sicherere Wahl; über 1: gewagter</translation>
    </message>
    <message>
        <source>How many versions to write; keys 1 to 9 switch between them</source>
        <translation>Wie viele Fassungen geschrieben werden; die Tasten 1 bis 9 wechseln zwischen ihnen</translation>
    </message>
    <message>
        <source>&amp;Density</source>
        <translation>&amp;Dichte</translation>
    </message>
    <message>
        <source>&amp;Polyphony</source>
        <translation>&amp;Polyphonie</translation>
    </message>
    <message>
        <source>Ra&amp;nge</source>
        <translation>&amp;Umfang</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Länge</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source>C&amp;andidates</source>
        <translation>&amp;Kandidaten</translation>
    </message>
    <message>
        <source>Keep rhythm</source>
        <translation>Rhythmus beibehalten</translation>
    </message>
    <message>
        <source>Start notes only where the music around starts them: the same tracks in the bars either side (a new part: the other tracks; a continuation: the bars before)</source>
        <translation>Töne nur dort beginnen, wo die umgebende Musik sie beginnt: dieselben Spuren in den Takten davor und danach (eine neue Stimme: die anderen Spuren; eine Fortsetzung: die Takte davor)</translation>
    </message>
    <message>
        <source>The piece&apos;s notes</source>
        <translation>Die Töne des Stücks</translation>
    </message>
    <message>
        <source>&amp;Best of</source>
        <translation>&amp;Versuche</translation>
    </message>
    <message>
        <source>Each rewritten candidate is the best of this many tries at fitting the music around it: more tries fit better and take longer</source>
        <translation>Jeder neu geschriebene Kandidat ist der beste aus so vielen Versuchen, zur Musik ringsum zu passen: mehr Versuche passen besser und dauern länger</translation>
    </message>
</context>
<context>
    <name>nf::SteeringStrip</name>
    <message>
        <source>%1 (new to %2)</source>
        <translation>%1 (neu für %2)</translation>
    </message>
    <message>
        <source>The part to add: the model writes it given all the other tracks</source>
        <translation>Die hinzuzufügende Stimme: das Modell schreibt sie passend zu allen anderen Spuren</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>Schlagzeug</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>Bass</translation>
    </message>
    <message>
        <source>Chords (piano)</source>
        <translation>Akkorde (Klavier)</translation>
    </message>
    <message>
        <source>Melody (flute)</source>
        <translation>Melodie (Flöte)</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Takte</translation>
    </message>
    <message>
        <source>How many bars the model writes</source>
        <translation>Wie viele Takte das Modell schreibt</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <source>Write the candidates in the background; the first plays as soon as it exists</source>
        <translation>Die Kandidaten im Hintergrund schreiben; der erste erklingt, sobald es ihn gibt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>Write more candidates with the same controls</source>
        <translation>Weitere Kandidaten mit denselben Einstellungen schreiben</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Put the candidate you hear into the piece (one undo step)</source>
        <translation>Den gehörten Kandidaten ins Stück übernehmen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the strip; the piece stays as it is</source>
        <translation>Die Leiste schließen; das Stück bleibt, wie es ist</translation>
    </message>
    <message>
        <source>Candidate %1 (key %1)</source>
        <translation>Kandidat %1 (Taste %1)</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>Kandidat %1</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>The tracks to rewrite: tick them here (or select notes of them before pressing R)</source>
        <translation>Die neu zu schreibenden Spuren: hier ankreuzen (oder vor R Noten aus ihnen auswählen)</translation>
    </message>
    <message>
        <source>Drums from a drum model...</source>
        <translation>Schlagzeug aus einem Schlagzeugmodell...</translation>
    </message>
    <message>
        <source>Drums from %1</source>
        <translation>Schlagzeug aus %1</translation>
    </message>
    <message>
        <source>A drums model (noteforge-cli train --model drums) writes the drums on the piece&apos;s bars and meter; one trained with --follow-band also hears where the other parts play</source>
        <translation>Ein Schlagzeugmodell (noteforge-cli train --model drums) schreibt das Schlagzeug auf die Takte und die Taktart des Stücks; eines, das mit --follow-band trainiert wurde, hört auch, wo die anderen Stimmen spielen</translation>
    </message>
    <message>
        <source>Like the music around it: %1% (rhythm above all, then pitches, range and density, against the bars before and after and its place in the phrases around it)</source>
        <translation>Der Musik ringsum ähnlich: %1 % (vor allem im Rhythmus, dann in Tonhöhen, Tonumfang und Dichte, gemessen an den Takten davor und danach und an seiner Stelle in den Phrasen ringsum)</translation>
    </message>
</context>
<context>
    <name>nf::StudioActions</name>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>&amp;Ordner öffnen...</translation>
    </message>
    <message>
        <source>Open a folder of MIDI files or ABC tunes as the dataset</source>
        <translation>Einen Ordner mit MIDI-Dateien oder ABC-Stücken als Datensatz öffnen</translation>
    </message>
    <message>
        <source>Open F&amp;ile...</source>
        <translation>&amp;Datei öffnen...</translation>
    </message>
    <message>
        <source>Open one MIDI or ABC file</source>
        <translation>Eine einzelne MIDI- oder ABC-Datei öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save the session (dataset, models, pieces and edits) as a project</source>
        <translation>Die Sitzung (Datensatz, Modelle, Stücke und Bearbeitungen) als Projekt speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Projekt speichern &amp;unter...</translation>
    </message>
    <message>
        <source>Save the session as a new project file</source>
        <translation>Die Sitzung als neue Projektdatei speichern</translation>
    </message>
    <message>
        <source>Export &amp;MIDI...</source>
        <translation>&amp;MIDI exportieren...</translation>
    </message>
    <message>
        <source>Write the piece as a Standard MIDI File (type 1, all tracks)</source>
        <translation>Das Stück als Standard-MIDI-Datei schreiben (Typ 1, alle Spuren)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export Se&amp;lection as MIDI...</source>
        <translation>Aus&amp;wahl als MIDI exportieren...</translation>
    </message>
    <message>
        <source>Write only the selected notes as a MIDI file</source>
        <translation>Nur die ausgewählten Noten als MIDI-Datei schreiben</translation>
    </message>
    <message>
        <source>Export A&amp;udio...</source>
        <translation>&amp;Audio exportieren...</translation>
    </message>
    <message>
        <source>Render the piece to WAV, FLAC, OGG or MP3 with the soundfont</source>
        <translation>Das Stück mit dem SoundFont als WAV, FLAC, OGG oder MP3 rendern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export A&amp;BC...</source>
        <translation>AB&amp;C exportieren...</translation>
    </message>
    <message>
        <source>Write the melody (a monophonic track) as an ABC tune</source>
        <translation>Die Melodie (eine einstimmige Spur) als ABC-Stück schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit NoteForge</source>
        <translation>NoteForge beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Die letzte Bearbeitung rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>Die letzte Bearbeitung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Redo the edit just undone</source>
        <translation>Die eben rückgängig gemachte Bearbeitung wiederherstellen</translation>
    </message>
    <message>
        <source>Redo the edit just undone (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Die eben rückgängig gemachte Bearbeitung wiederherstellen (Strg+Umschalt+Z oder Strg+Y)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Aus&amp;schneiden</translation>
    </message>
    <message>
        <source>Copy the selected notes and delete them</source>
        <translation>Die ausgewählten Noten kopieren und löschen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected notes</source>
        <translation>Die ausgewählten Noten kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Paste notes at the playhead (or the left edge of the view) into the active track</source>
        <translation>Noten an der Abspielposition (oder am linken Rand der Ansicht) in die aktive Spur einfügen</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected notes</source>
        <translation>Die ausgewählten Noten löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select every note of every track</source>
        <translation>Alle Noten aller Spuren auswählen</translation>
    </message>
    <message>
        <source>Select All in Trac&amp;k</source>
        <translation>Alles in der S&amp;pur auswählen</translation>
    </message>
    <message>
        <source>Select every note of the active track</source>
        <translation>Alle Noten der aktiven Spur auswählen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>Auswahl auf&amp;heben</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Die Auswahl aufheben</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Transp&amp;ose Up</source>
        <translation>Halbton nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected notes up a semitone</source>
        <translation>Die ausgewählten Noten einen Halbton nach oben verschieben</translation>
    </message>
    <message>
        <source>Transpose Do&amp;wn</source>
        <translation>Halbton nach u&amp;nten</translation>
    </message>
    <message>
        <source>Move the selected notes down a semitone</source>
        <translation>Die ausgewählten Noten einen Halbton nach unten verschieben</translation>
    </message>
    <message>
        <source>Octave Up</source>
        <translation>Oktave nach oben</translation>
    </message>
    <message>
        <source>Move the selected notes up an octave</source>
        <translation>Die ausgewählten Noten eine Oktave nach oben verschieben</translation>
    </message>
    <message>
        <source>Octave Down</source>
        <translation>Oktave nach unten</translation>
    </message>
    <message>
        <source>Move the selected notes down an octave</source>
        <translation>Die ausgewählten Noten eine Oktave nach unten verschieben</translation>
    </message>
    <message>
        <source>&amp;Quantize</source>
        <translation>&amp;Quantisieren</translation>
    </message>
    <message>
        <source>Snap the selected notes&apos; starts and ends to the grid</source>
        <translation>Anfang und Ende der ausgewählten Noten am Raster ausrichten</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>Q</translation>
    </message>
    <message>
        <source>&amp;Select Tool</source>
        <translation>A&amp;uswahlwerkzeug</translation>
    </message>
    <message>
        <source>Select, move and resize notes; drag on empty space for a rubber band</source>
        <translation>Noten auswählen, verschieben und in der Länge ändern; auf leerer Fläche ziehen für einen Auswahlrahmen</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>&amp;Draw Tool</source>
        <translation>&amp;Zeichenwerkzeug</translation>
    </message>
    <message>
        <source>Draw notes on the grid; drag to lengthen, right-click to erase</source>
        <translation>Noten im Raster zeichnen; Ziehen verlängert, Rechtsklick radiert</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>&amp;Erase Tool</source>
        <translation>Ra&amp;dierwerkzeug</translation>
    </message>
    <message>
        <source>Click or drag over notes to delete them</source>
        <translation>Noten anklicken oder überstreichen, um sie zu löschen</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>Turn snapping off</source>
        <translation>Einrasten ausschalten</translation>
    </message>
    <message>
        <source>Snap to %1 notes</source>
        <translation>Am Raster %1 einrasten</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Show less time, wider</source>
        <translation>Weniger Zeit zeigen, breiter</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show more time, narrower</source>
        <translation>Mehr Zeit zeigen, schmaler</translation>
    </message>
    <message>
        <source>Taller Keys</source>
        <translation>Höhere Tasten</translation>
    </message>
    <message>
        <source>Zoom in on pitch</source>
        <translation>In der Tonhöhe vergrößern</translation>
    </message>
    <message>
        <source>Shorter Keys</source>
        <translation>Niedrigere Tasten</translation>
    </message>
    <message>
        <source>Zoom out on pitch</source>
        <translation>In der Tonhöhe verkleinern</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Fit the piece into the view</source>
        <translation>Das ganze Stück in die Ansicht einpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Velocity Lane</source>
        <translation>&amp;Anschlagstärke-Leiste</translation>
    </message>
    <message>
        <source>Show or hide the velocity lane under the piano roll</source>
        <translation>Die Anschlagstärke-Leiste unter der Piano-Roll ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Colour by &amp;Confidence</source>
        <translation>Nach &amp;Sicherheit färben</translation>
    </message>
    <message>
        <source>Colour generated notes by the model&apos;s confidence (red unsure, green sure) instead of velocity</source>
        <translation>Generierte Noten nach der Sicherheit des Modells färben (rot unsicher, grün sicher) statt nach Anschlagstärke</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every panel back where it was at first start</source>
        <translation>Alle Bedienfelder dorthin zurücksetzen, wo sie beim ersten Start waren</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Start or pause playback from the playhead</source>
        <translation>Wiedergabe ab der Abspielposition starten oder anhalten</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop playback and go back to where it started</source>
        <translation>Wiedergabe beenden und zum Startpunkt zurückkehren</translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <source>&amp;To Start</source>
        <translation>Zum &amp;Anfang</translation>
    </message>
    <message>
        <source>Move the playhead to the beginning</source>
        <translation>Die Abspielposition an den Anfang setzen</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>Sch&amp;leife</translation>
    </message>
    <message>
        <source>Loop the selected notes&apos; bars (or the bars in view)</source>
        <translation>Die Takte der ausgewählten Noten (oder die sichtbaren Takte) als Schleife spielen</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>&amp;Follow Playhead</source>
        <translation>Abspielposition &amp;folgen</translation>
    </message>
    <message>
        <source>Scroll the piano roll with the playhead while playing</source>
        <translation>Die Piano-Roll während der Wiedergabe mit der Abspielposition mitlaufen lassen</translation>
    </message>
    <message>
        <source>Choose &amp;File...</source>
        <translation>&amp;Datei wählen...</translation>
    </message>
    <message>
        <source>Play and render with an SF2/SF3 soundfont file of your choice</source>
        <translation>Mit einer SoundFont-Datei (SF2/SF3) Ihrer Wahl abspielen und rendern</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Automatisch</translation>
    </message>
    <message>
        <source>Use the installed General MIDI soundfont, else NoteForge&apos;s bundled one</source>
        <translation>Den installierten General-MIDI-SoundFont verwenden, sonst den mitgelieferten von NoteForge</translation>
    </message>
    <message>
        <source>&amp;Welcome Guide</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>Show the first steps: open data, train, generate, listen, export</source>
        <translation>Die ersten Schritte zeigen: Daten öffnen, trainieren, generieren, anhören, exportieren</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder with your models and autosave in the file manager</source>
        <translation>Den Ordner mit Ihren Modellen und der automatischen Sicherung im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List the keyboard and mouse shortcuts</source>
        <translation>Die Tastatur- und Mauskürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About NoteForge</source>
        <translation>Über &amp;NoteForge</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Snap &amp;Grid</source>
        <translation>Ras&amp;ter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bedienfelder</translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation>&amp;Transport</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>A&amp;usgabe</translation>
    </message>
    <message>
        <source>Play through the internal synthesizer or to an external MIDI port</source>
        <translation>Über den internen Synthesizer oder an einen externen MIDI-Port spielen</translation>
    </message>
    <message>
        <source>Audio &amp;Driver</source>
        <translation>Audio-&amp;Treiber</translation>
    </message>
    <message>
        <source>How the internal synthesizer reaches the speakers: automatic, PipeWire/PulseAudio, JACK or ALSA</source>
        <translation>Wie der interne Synthesizer die Lautsprecher erreicht: automatisch, PipeWire/PulseAudio, JACK oder ALSA</translation>
    </message>
    <message>
        <source>So&amp;undfont</source>
        <translation>S&amp;oundFont</translation>
    </message>
    <message>
        <source>The soundfont that plays and renders: automatic, an installed one, or a file</source>
        <translation>Der SoundFont für Wiedergabe und Rendern: automatisch, ein installierter oder eine Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open a folder, file or project used recently</source>
        <translation>Einen zuletzt verwendeten Ordner, eine Datei oder ein Projekt öffnen</translation>
    </message>
    <message>
        <source>The grid that drawing, moving, resizing and quantizing snap to</source>
        <translation>Das Raster, an dem Zeichnen, Verschieben, Längenändern und Quantisieren einrasten</translation>
    </message>
    <message>
        <source>Show or hide the dockable panels</source>
        <translation>Die andockbaren Bedienfelder ein- oder ausblenden</translation>
    </message>
    <message>
        <source>The %1 menu</source>
        <translation>Das Menü %1</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>&amp;Regenerate Selection...</source>
        <translation>Auswahl neu &amp;schreiben...</translation>
    </message>
    <message>
        <source>Let the model rewrite the selected bars of the selected tracks, with controls, and audition its candidates</source>
        <translation>Das Modell die gewählten Takte der gewählten Spuren mit Vorgaben neu schreiben lassen und seine Kandidaten anhören</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Add &amp;Part...</source>
        <translation>Stimme &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>Let the model write a new track (drums, bass, chords, melody or any instrument) for the piece, given all the others</source>
        <translation>Das Modell eine neue Spur (Schlagzeug, Bass, Akkorde, Melodie oder ein beliebiges Instrument) passend zu allen anderen schreiben lassen</translation>
    </message>
    <message>
        <source>&amp;Continue...</source>
        <translation>&amp;Fortsetzen...</translation>
    </message>
    <message>
        <source>Let the model write more bars from the playhead or the end</source>
        <translation>Das Modell ab der Abspielposition oder dem Ende weitere Takte schreiben lassen</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Komponieren</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>No scale shown; drawn notes go where you click</source>
        <translation>Keine Tonleiter angezeigt; gezeichnete Noten landen, wo Sie klicken</translation>
    </message>
    <message>
        <source>Key of the Piece</source>
        <translation>Tonart des Stücks</translation>
    </message>
    <message>
        <source>Light the rows of the piece&apos;s key (as NoteForge hears it) and draw notes in it</source>
        <translation>Die Zeilen der Tonart des Stücks (wie NoteForge sie hört) hervorheben und Noten in ihr zeichnen</translation>
    </message>
    <message>
        <source>Light the rows of %1 and draw notes in it</source>
        <translation>Die Zeilen von %1 hervorheben und Noten darin zeichnen</translation>
    </message>
    <message>
        <source>&amp;Scale Guide</source>
        <translation>Ton&amp;leiter</translation>
    </message>
    <message>
        <source>Light a scale&apos;s rows in the piano roll; the draw tool keeps to it</source>
        <translation>Die Zeilen einer Tonleiter in der Pianorolle hervorheben; das Zeichenwerkzeug hält sich an sie</translation>
    </message>
    <message>
        <source>Call and Respo&amp;nse</source>
        <translation>Ruf und A&amp;ntwort</translation>
    </message>
    <message>
        <source>Play a phrase on a MIDI keyboard against a click; after a bar without a note the model answers from the next downbeat (a remi model)</source>
        <translation>Eine Phrase auf einem MIDI-Keyboard zum Klick spielen; nach einem Takt ohne Ton antwortet das Modell ab der nächsten Eins (ein remi-Modell)</translation>
    </message>
    <message>
        <source>Call and Response &amp;Settings</source>
        <translation>&amp;Einstellungen für Ruf und Antwort</translation>
    </message>
    <message>
        <source>How long the model&apos;s answer is, and how much silence ends a phrase</source>
        <translation>Wie lang die Antwort des Modells ist und wie viel Stille eine Phrase beendet</translation>
    </message>
</context>
<context>
    <name>nf::StudioCallResponse</name>
    <message numerus="yes">
        <source>Phrase of %n note(s) heard: answering from bar %1</source>
        <translation>
            <numerusform>Phrase aus %n Ton gehört: Antwort ab Takt %1</numerusform>
            <numerusform>Phrase aus %n Tönen gehört: Antwort ab Takt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Put in Editor</source>
        <translation>In den Editor</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Phrase Ends After Half a Bar of Silence</source>
        <translation>Phrase endet nach einem halben Takt Stille</translation>
    </message>
    <message>
        <source>Phrase Ends After a Bar of Silence</source>
        <translation>Phrase endet nach einem Takt Stille</translation>
    </message>
    <message>
        <source>Phrase Ends After Two Bars of Silence</source>
        <translation>Phrase endet nach zwei Takten Stille</translation>
    </message>
    <message>
        <source>Call and response needs a remi model: train one, or choose one in the Generation panel</source>
        <translation>Ruf und Antwort braucht ein remi-Modell: trainieren Sie eines oder wählen Sie eines im Generieren-Bereich</translation>
    </message>
    <message>
        <source>Cannot start call and response: %1</source>
        <translation>Ruf und Antwort kann nicht starten: %1</translation>
    </message>
    <message>
        <source>half a bar</source>
        <translation>einem halben Takt</translation>
    </message>
    <message>
        <source>two bars</source>
        <translation>zwei Takten</translation>
    </message>
    <message>
        <source>a bar</source>
        <translation>einem Takt</translation>
    </message>
    <message>
        <source>Stop and Keep the Take</source>
        <translation>Stoppen und Aufnahme behalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Call and response</source>
        <translation>Ruf und Antwort</translation>
    </message>
    <message numerus="yes">
        <source>Call and response: the take (%n note(s)) is in the editor</source>
        <translation>
            <numerusform>Ruf und Antwort: Die Aufnahme (%n Ton) ist im Editor</numerusform>
            <numerusform>Ruf und Antwort: Die Aufnahme (%n Töne) ist im Editor</numerusform>
        </translation>
    </message>
    <message>
        <source>The answer was ready %1 ms after your phrase, too late for its downbeat (%2 ms): it plays from bar %3</source>
        <translation>Die Antwort war %1 ms nach Ihrer Phrase fertig, zu spät für ihre Eins (%2 ms): sie spielt ab Takt %3</translation>
    </message>
    <message numerus="yes">
        <source>Answer of %n note(s) ready %1 ms after your phrase, %2 ms before its downbeat (bar %3)</source>
        <translation>
            <numerusform>Antwort aus %n Ton %1 ms nach Ihrer Phrase fertig, %2 ms vor ihrer Eins (Takt %3)</numerusform>
            <numerusform>Antwort aus %n Tönen %1 ms nach Ihrer Phrase fertig, %2 ms vor ihrer Eins (Takt %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer in One Bar</source>
        <translation>Antwort in einem Takt</translation>
    </message>
    <message>
        <source>Answer in %1 Bars</source>
        <translation>Antwort in %1 Takten</translation>
    </message>
    <message>
        <source>The model answers each phrase with this many bars</source>
        <translation>Das Modell beantwortet jede Phrase mit so vielen Takten</translation>
    </message>
    <message>
        <source>A phrase is over, and answered, once no key was down for this long</source>
        <translation>Eine Phrase ist zu Ende und wird beantwortet, sobald so lange keine Taste gedrückt war</translation>
    </message>
    <message>
        <source>Call and response from %1 at %2 bpm: play a phrase; after %3 without a note NoteForge answers from the next downbeat.</source>
        <translation>Ruf und Antwort von %1 mit %2 bpm: Spielen Sie eine Phrase; nach %3 ohne Ton antwortet NoteForge ab der nächsten Eins.</translation>
    </message>
    <message>
        <source>Call and response: %1</source>
        <translation>Ruf und Antwort: %1</translation>
    </message>
    <message>
        <source>Call and response stopped: the sound was needed elsewhere.</source>
        <translation>Ruf und Antwort gestoppt: Der Klang wurde anderswo gebraucht.</translation>
    </message>
    <message>
        <source>Call and response: opening the model and the MIDI input...</source>
        <translation>Ruf und Antwort: Modell und MIDI-Eingang werden geöffnet...</translation>
    </message>
    <message>
        <source>Call and response needs sound to play its click on (see the message above)</source>
        <translation>Ruf und Antwort braucht Klang, um den Klick zu spielen (siehe die Meldung oben)</translation>
    </message>
    <message numerus="yes">
        <source>Put its take (%n note(s)) in the editor?</source>
        <translation>
            <numerusform>Die Aufnahme (%n Ton) in den Editor übernehmen?</numerusform>
            <numerusform>Die Aufnahme (%n Töne) in den Editor übernehmen?</numerusform>
        </translation>
    </message>
    <message>
        <source>The call-and-response take could not be saved to %1: %2</source>
        <translation>Die Aufnahme von Ruf und Antwort konnte nicht nach %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Call and response: take saved as %1</source>
        <translation>Ruf und Antwort: Aufnahme gespeichert als %1</translation>
    </message>
    <message>
        <source>The take stays in %1; open it from there</source>
        <translation>Die Aufnahme bleibt in %1; öffnen Sie sie von dort</translation>
    </message>
</context>
<context>
    <name>nf::StudioFiles</name>
    <message>
        <source>Open a folder of MIDI or ABC files</source>
        <translation>Einen Ordner mit MIDI- oder ABC-Dateien öffnen</translation>
    </message>
    <message>
        <source>Open a MIDI or ABC file, or a project</source>
        <translation>Eine MIDI- oder ABC-Datei oder ein Projekt öffnen</translation>
    </message>
    <message>
        <source>Music files and projects (*.mid *.midi *.kar *.smf *.abc *.nfproject);;All files (*)</source>
        <translation>Musikdateien und Projekte (*.mid *.midi *.kar *.smf *.abc *.nfproject);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export selection as MIDI</source>
        <translation>Auswahl als MIDI exportieren</translation>
    </message>
    <message>
        <source>Export MIDI</source>
        <translation>MIDI exportieren</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export ABC</source>
        <translation>ABC exportieren</translation>
    </message>
    <message>
        <source>ABC tunes (*.abc)</source>
        <translation>ABC-Stücke (*.abc)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>NoteForge projects (*.nfproject)</source>
        <translation>NoteForge-Projekte (*.nfproject)</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <source>%1: the project&apos;s dataset folder is gone</source>
        <translation>%1: Der Datensatzordner des Projekts ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Forget the recently opened files and folders</source>
        <translation>Die zuletzt geöffneten Dateien und Ordner vergessen</translation>
    </message>
    <message>
        <source>Autosaved</source>
        <translation>Automatisch gesichert</translation>
    </message>
    <message>
        <source>NoteForge did not close properly last time. Restore the unsaved work it autosaved?</source>
        <translation>NoteForge wurde beim letzten Mal nicht ordnungsgemäß beendet. Die automatisch gesicherte, ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>the piece has edits that are not saved</source>
        <translation>das Stück hat ungespeicherte Bearbeitungen</translation>
    </message>
    <message numerus="yes">
        <source>%n generated piece(s) are not in a saved project</source>
        <translation>
            <numerusform>%n generiertes Stück ist in keinem gespeicherten Projekt</numerusform>
            <numerusform>%n generierte Stücke sind in keinem gespeicherten Projekt</numerusform>
        </translation>
    </message>
    <message>
        <source>Before quitting: %1. Save them in a project?</source>
        <translation>Vor dem Beenden: %1. In einem Projekt speichern?</translation>
    </message>
    <message>
        <source>, and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <translation>Ungespeicherte Arbeit</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Ungespeicherte Bearbeitungen</translation>
    </message>
    <message>
        <source>%1 has edits that are not saved. Save them in a project before opening another piece?</source>
        <translation>%1 hat ungespeicherte Bearbeitungen. Vor dem Öffnen eines anderen Stücks in einem Projekt speichern?</translation>
    </message>
    <message>
        <source>The piece</source>
        <translation>Das Stück</translation>
    </message>
</context>
<context>
    <name>nf::StudioGeneration</name>
    <message>
        <source>Generation</source>
        <translation>Generierung</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n piece(s) as results %1 to %2 (%3)</source>
        <translation>
            <numerusform>%n Stück als Ergebnis %1 bis %2 generiert (%3)</numerusform>
            <numerusform>%n Stücke als Ergebnisse %1 bis %2 generiert (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generated %n piece(s); the piece in the editor has unsaved edits, so double-click a result to open it</source>
        <translation>
            <numerusform>%n Stück generiert; das Stück im Editor hat ungespeicherte Bearbeitungen, öffnen Sie ein Ergebnis daher per Doppelklick</numerusform>
            <numerusform>%n Stücke generiert; das Stück im Editor hat ungespeicherte Bearbeitungen, öffnen Sie ein Ergebnis daher per Doppelklick</numerusform>
        </translation>
    </message>
    <message>
        <source>Add generated tracks</source>
        <translation>Generierte Spuren hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) of generated piece %1 to %2</source>
        <translation>
            <numerusform>%n Spur des generierten Stücks %1 zu %2 hinzugefügt</numerusform>
            <numerusform>%n Spuren des generierten Stücks %1 zu %2 hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Generated %1 (seed %2)</source>
        <translation>Generiert %1 (Seed %2)</translation>
    </message>
    <message>
        <source>Opened %1: %2 notes</source>
        <translation>%1 geöffnet: %2 Noten</translation>
    </message>
</context>
<context>
    <name>nf::StudioPhraseRecorder</name>
    <message>
        <source>Cannot record: %1</source>
        <translation>Aufnahme nicht möglich: %1</translation>
    </message>
    <message>
        <source>Recording from %1: play your phrase, then Stop.</source>
        <translation>Aufnahme von %1: Spielen Sie Ihre Phrase, dann Stopp.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing was played: no phrase recorded</source>
        <translation>Nichts gespielt: keine Phrase aufgenommen</translation>
    </message>
    <message>
        <source>Recorded phrase</source>
        <translation>Aufgenommene Phrase</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n note(s); Generate continues them</source>
        <translation>
            <numerusform>%n Note aufgenommen; Generieren setzt sie fort</numerusform>
            <numerusform>%n Noten aufgenommen; Generieren setzt sie fort</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioSound</name>
    <message>
        <source>Playhead: bar.beat and time</source>
        <translation>Abspielposition: Takt.Schlag und Zeit</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Playing through the internal synthesizer</source>
        <translation>Wiedergabe über den internen Synthesizer</translation>
    </message>
    <message>
        <source>Playing to MIDI port %1</source>
        <translation>Wiedergabe an MIDI-Port %1</translation>
    </message>
    <message>
        <source>Use PipeWire/PulseAudio when the desktop runs it, else a running JACK server, else the sound card</source>
        <translation>PipeWire/PulseAudio verwenden, wenn der Desktop es nutzt, sonst einen laufenden JACK-Server, sonst die Soundkarte</translation>
    </message>
    <message>
        <source>Play through %1; the choice is remembered</source>
        <translation>Über %1 abspielen; die Wahl wird gespeichert</translation>
    </message>
    <message>
        <source>Audio driver: %1 (from the next Play)</source>
        <translation>Audiotreiber: %1 (ab der nächsten Wiedergabe)</translation>
    </message>
    <message>
        <source>Exported %1 (%2)</source>
        <translation>%1 exportiert (%2)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Audio export cancelled</source>
        <translation>Audio-Export abgebrochen</translation>
    </message>
    <message>
        <source>Audio export failed: %1</source>
        <translation>Audio-Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>  --</source>
        <translation>  --</translation>
    </message>
    <message>
        <source>  Bar %1   %2  </source>
        <translation>  Takt %1   %2  </translation>
    </message>
    <message>
        <source>Internal Synthesizer</source>
        <translation>Interner Synthesizer</translation>
    </message>
    <message>
        <source>Play through FluidSynth with the chosen soundfont</source>
        <translation>Über FluidSynth mit dem gewählten SoundFont abspielen</translation>
    </message>
    <message>
        <source>Play to the MIDI port %1 (a synth or a DAW)</source>
        <translation>An den MIDI-Port %1 spielen (ein Synthesizer oder eine DAW)</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>The MIDI port chosen earlier; it is not there now</source>
        <translation>Der früher gewählte MIDI-Port; er ist jetzt nicht vorhanden</translation>
    </message>
    <message>
        <source>No external MIDI ports</source>
        <translation>Keine externen MIDI-Ports</translation>
    </message>
    <message>
        <source>Start a synth or DAW with a MIDI input, then open this menu again</source>
        <translation>Starten Sie einen Synthesizer oder eine DAW mit MIDI-Eingang und öffnen Sie dieses Menü erneut</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>%1: %2 presets%3</source>
        <translation>%1: %2 Presets%3</translation>
    </message>
    <message>
        <source>, General MIDI</source>
        <translation>, General MIDI</translation>
    </message>
    <message>
        <source>Choose a soundfont</source>
        <translation>SoundFont wählen</translation>
    </message>
    <message>
        <source>Soundfonts (*.sf2 *.sf3);;All files (*)</source>
        <translation>SoundFonts (*.sf2 *.sf3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Rendering %1</source>
        <translation>%1 wird gerendert</translation>
    </message>
</context>
<context>
    <name>nf::StudioSteering</name>
    <message>
        <source>%1: kept candidate %2 of %3 (Undo takes it back)</source>
        <translation>%1: Kandidat %2 von %3 übernommen (Rückgängig nimmt ihn zurück)</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>Schlagzeug</translation>
    </message>
    <message>
        <source>Stopped: the candidates so far are kept</source>
        <translation>Angehalten: die bisherigen Kandidaten bleiben erhalten</translation>
    </message>
    <message>
        <source>Drag on the ruler over the bars to rewrite (and select notes to choose their tracks)</source>
        <translation>Ziehen Sie auf dem Lineal über die neu zu schreibenden Takte (und wählen Sie Noten, um ihre Spuren zu bestimmen)</translation>
    </message>
    <message>
        <source>bar %1</source>
        <translation>Takt %1</translation>
    </message>
    <message>
        <source>bars %1-%2</source>
        <translation>Takte %1-%2</translation>
    </message>
    <message>
        <source>Rewrite %1 of %2</source>
        <translation>%1 von %2 neu schreiben</translation>
    </message>
    <message>
        <source>Add a part</source>
        <translation>Eine Stimme hinzufügen</translation>
    </message>
    <message>
        <source>Continue after the end</source>
        <translation>Nach dem Ende fortsetzen</translation>
    </message>
    <message>
        <source>Continue from bar %1</source>
        <translation>Ab Takt %1 fortsetzen</translation>
    </message>
    <message>
        <source>Candidate %1 of %2: keys 1-%3 switch, Keep puts it in the piece</source>
        <translation>Kandidat %1 von %2: die Tasten 1-%3 wechseln, Übernehmen setzt ihn ins Stück</translation>
    </message>
    <message>
        <source>Regenerate bars</source>
        <translation>Takte neu schreiben</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>Stimme hinzufügen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1: kept candidate %2 of %3</source>
        <translation>%1: Kandidat %2 von %3 übernommen</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) of the model are waiting: press a number key to hear one</source>
        <translation>
            <numerusform>%n Kandidat des Modells wartet: eine Zifferntaste spielt ihn</numerusform>
            <numerusform>%n Kandidaten des Modells warten: eine Zifferntaste spielt einen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open or generate a piece with notes first</source>
        <translation>Öffnen oder generieren Sie zuerst ein Stück mit Noten</translation>
    </message>
    <message>
        <source>Those bars are after the end of the piece: use Compose &gt; Continue</source>
        <translation>Diese Takte liegen nach dem Ende des Stücks: verwenden Sie Komponieren &gt; Fortsetzen</translation>
    </message>
    <message>
        <source>The piece&apos;s tracks changed since these candidates were written: press Generate for new ones</source>
        <translation>Die Spuren des Stücks haben sich geändert, seit diese Kandidaten geschrieben wurden: Generieren liefert neue</translation>
    </message>
    <message>
        <source>A drums model to write the drums</source>
        <translation>Ein Schlagzeugmodell für das Schlagzeug</translation>
    </message>
    <message>
        <source>NoteForge models (*.nfm)</source>
        <translation>NoteForge-Modelle (*.nfm)</translation>
    </message>
    <message>
        <source>Drums from %1: it follows the piece&apos;s bars and meter; it does not hear the other parts</source>
        <translation>Schlagzeug aus %1: Es folgt den Takten und der Taktart des Stücks; die anderen Stimmen hört es nicht</translation>
    </message>
    <message>
        <source>Drums from %1: it hears where the other parts play, step by step</source>
        <translation>Schlagzeug aus %1: Es hört Schritt für Schritt, wo die anderen Stimmen spielen</translation>
    </message>
    <message>
        <source>Drums from %1: a drum GAN drums the bars of its own meter; it does not hear the other parts</source>
        <translation>Schlagzeug aus %1: Ein Schlagzeug-GAN spielt die Takte seiner eigenen Taktart; es hört die anderen Stimmen nicht</translation>
    </message>
    <message>
        <source>Drums from %1: a drum GAN drums the bars of its own meter, hearing where the other parts play</source>
        <translation>Schlagzeug aus %1: Ein Schlagzeug-GAN spielt die Takte seiner eigenen Taktart und hört, wo die anderen Stimmen spielen</translation>
    </message>
</context>
<context>
    <name>nf::StudioTraining</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Epoch %1 sample: %2 notes, longest passage copied from the data %3 notes</source>
        <translation>Hörprobe Epoche %1: %2 Noten, längste aus den Daten kopierte Passage %3 Noten</translation>
    </message>
    <message>
        <source>No sample at epoch %1: %2</source>
        <translation>Keine Hörprobe in Epoche %1: %2</translation>
    </message>
    <message>
        <source>Training sample %1</source>
        <translation>Trainings-Hörprobe %1</translation>
    </message>
</context>
<context>
    <name>nf::StudioWelcome</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Show or hide the Welcome guide</source>
        <translation>Die Anleitung „Willkommen“ ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Sound: no soundfont found; choose one in Transport &gt; Soundfont.</source>
        <translation>Klang: kein SoundFont gefunden; wählen Sie einen unter Transport &gt; SoundFont.</translation>
    </message>
    <message>
        <source>Sound: %1 (%2). Transport &gt; Output plays to a MIDI port instead.</source>
        <translation>Klang: %1 (%2). Transport &gt; Ausgabe spielt stattdessen an einen MIDI-Port.</translation>
    </message>
    <message>
        <source>Training needs the noteforge-training package (not installed); open a model trained elsewhere to generate</source>
        <translation>Zum Trainieren wird das Paket noteforge-training benötigt (nicht installiert); zum Generieren ein anderswo trainiertes Modell öffnen</translation>
    </message>
    <message>
        <source>Needs noteforge-training</source>
        <translation>Benötigt noteforge-training</translation>
    </message>
    <message>
        <source>Not in this build</source>
        <translation>In diesem Build nicht enthalten</translation>
    </message>
</context>
<context>
    <name>nf::StudioWithoutSound</name>
    <message>
        <source>This NoteForge was built without MIDI input (NF_WITH_AUDIO=OFF)</source>
        <translation>Dieses NoteForge wurde ohne MIDI-Eingang gebaut (NF_WITH_AUDIO=OFF)</translation>
    </message>
    <message>
        <source>This NoteForge was built without sound (NF_WITH_AUDIO=OFF)</source>
        <translation>Dieses NoteForge wurde ohne Klang gebaut (NF_WITH_AUDIO=OFF)</translation>
    </message>
</context>
<context>
    <name>nf::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this task</source>
        <translation>Diese Aufgabe beenden</translation>
    </message>
</context>
<context>
    <name>nf::TempoBox</name>
    <message>
        <source>Tempo at the playhead in beats per minute; change it to speed up or slow down the piece</source>
        <translation>Tempo an der Abspielposition in Schlägen pro Minute; ändern, um das Stück zu beschleunigen oder zu verlangsamen</translation>
    </message>
    <message>
        <source>Tempo at the playhead (BPM): a new value rescales the piece&apos;s tempo (undoable)</source>
        <translation>Tempo an der Abspielposition (BPM): Ein neuer Wert skaliert das Tempo des Stücks (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Tempo %1 BPM</source>
        <translation>Tempo %1 BPM</translation>
    </message>
</context>
<context>
    <name>nf::TimeRuler</name>
    <message>
        <source>Bars and beats; click to move the playhead, drag across bars (or double-click one) to select them for Regenerate Selection</source>
        <translation>Takte und Schläge; ein Klick setzt die Abspielposition, Ziehen über Takte (oder Doppelklick auf einen) wählt sie für „Auswahl neu schreiben“</translation>
    </message>
</context>
<context>
    <name>nf::TracksPanel</name>
    <message>
        <source>Track</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <source>Mute: silence this track</source>
        <translation>Stumm: diese Spur stummschalten</translation>
    </message>
    <message>
        <source>Solo: hear only the soloed tracks</source>
        <translation>Solo: nur die Solo-Spuren hören</translation>
    </message>
    <message>
        <source>Select a track to edit it; the other tracks are shown faded</source>
        <translation>Wählen Sie eine Spur zum Bearbeiten; die anderen Spuren werden blass dargestellt</translation>
    </message>
    <message>
        <source>General MIDI instrument of the selected track</source>
        <translation>General-MIDI-Instrument der ausgewählten Spur</translation>
    </message>
    <message>
        <source>Change the instrument of the selected track (undoable)</source>
        <translation>Das Instrument der ausgewählten Spur ändern (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Volume of the selected track (MIDI CC 7)</source>
        <translation>Lautstärke der ausgewählten Spur (MIDI CC 7)</translation>
    </message>
    <message>
        <source>How loud the selected track plays and renders</source>
        <translation>Wie laut die ausgewählte Spur spielt und gerendert wird</translation>
    </message>
    <message>
        <source>Pan of the selected track: left, centre (middle) or right (MIDI CC 10)</source>
        <translation>Panorama der ausgewählten Spur: links, Mitte oder rechts (MIDI CC 10)</translation>
    </message>
    <message>
        <source>Where the selected track sits between the speakers</source>
        <translation>Wo die ausgewählte Spur zwischen den Lautsprechern sitzt</translation>
    </message>
    <message>
        <source>Instrument:</source>
        <translation>Instrument:</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Lautstärke:</translation>
    </message>
    <message>
        <source>Pan:</source>
        <translation>Panorama:</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>Drum kit</source>
        <translation>Schlagzeug</translation>
    </message>
    <message>
        <source>MIDI channel %1</source>
        <translation>MIDI-Kanal %1</translation>
    </message>
    <message>
        <source>Change instrument</source>
        <translation>Instrument ändern</translation>
    </message>
</context>
<context>
    <name>nf::TrainingCharts</name>
    <message>
        <source>loss (nats/token)</source>
        <translation>Verlust (Nats/Token)</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>per step (smoothed)</source>
        <translation>pro Schritt (geglättet)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>critic per step (smoothed)</source>
        <translation>Kritiker je Schritt (geglättet)</translation>
    </message>
    <message>
        <source>WGAN loss</source>
        <translation>WGAN-Verlust</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>critic</source>
        <translation>Kritiker</translation>
    </message>
    <message>
        <source>generator per step</source>
        <translation>Generator je Schritt</translation>
    </message>
    <message>
        <source>held-out drum figure distance</source>
        <translation>Abstand der Schlagzeug-Kennzahlen (zurückgehalten)</translation>
    </message>
    <message>
        <source>distance (lower is closer)</source>
        <translation>Abstand (kleiner ist näher)</translation>
    </message>
</context>
<context>
    <name>nf::TrainingController</name>
    <message>
        <source>A training is already running</source>
        <translation>Es läuft bereits ein Training</translation>
    </message>
    <message>
        <source>No dataset loaded to train on</source>
        <translation>Kein Datensatz zum Trainieren geladen</translation>
    </message>
    <message>
        <source>Data: %1 pieces, %2 tokens, vocabulary %3</source>
        <translation>Daten: %1 Stücke, %2 Token, Vokabular %3</translation>
    </message>
    <message>
        <source>Training stopped before it began</source>
        <translation>Training vor dem Beginn beendet</translation>
    </message>
    <message>
        <source>The remote training of the last session cannot be followed: %1</source>
        <translation>Das entfernte Training der letzten Sitzung kann nicht verfolgt werden: %1</translation>
    </message>
    <message>
        <source>No temporary folder for the data to send: %1</source>
        <translation>Kein temporärer Ordner für die zu sendenden Daten: %1</translation>
    </message>
</context>
<context>
    <name>nf::TrainingPanel</name>
    <message>
        <source>1 thread</source>
        <translation>1 Thread</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <translation>%1 Threads</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Train a new model on the loaded dataset</source>
        <translation>Ein neues Modell auf dem geladenen Datensatz trainieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause between two steps; Resume carries on</source>
        <translation>Zwischen zwei Schritten anhalten; Fortsetzen macht weiter</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop after the current step, saving a checkpoint</source>
        <translation>Nach dem aktuellen Schritt beenden und einen Checkpoint speichern</translation>
    </message>
    <message>
        <source>Resume from Checkpoint...</source>
        <translation>Ab Checkpoint fortsetzen...</translation>
    </message>
    <message>
        <source>Continue a training from a checkpoint file</source>
        <translation>Ein Training ab einer Checkpoint-Datei fortsetzen</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Model files and checkpoints; double-click one to generate with it</source>
        <translation>Modelldateien und Checkpoints; Doppelklick generiert damit</translation>
    </message>
    <message>
        <source>Short pieces generated while training; double-click to hear one. The longest passage copied from the training data warns when the model starts to memorise it.</source>
        <translation>Kurze Stücke, die während des Trainings generiert wurden; Doppelklick spielt eines ab. Die längste aus den Trainingsdaten kopierte Passage warnt, wenn das Modell beginnt, sie auswendig zu lernen.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>sample every </source>
        <translation>Hörprobe alle </translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <source>Listen while it trains: generate a short piece from the weights every N epochs</source>
        <translation>Beim Training zuhören: alle N Epochen ein kurzes Stück aus den Gewichten generieren</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Anhören</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Tokenizing...</source>
        <translation>Tokenisierung...</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Resume from a checkpoint</source>
        <translation>Ab einem Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt);;All files (*)</source>
        <translation>Checkpoints (*.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Device: %1, %2
%3 parameters, vocabulary %4, %5 training tokens</source>
        <translation>Gerät: %1, %2
%3 Parameter, Vokabular %4, %5 Trainings-Token</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>Training von %1 auf %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>epoch %1/%2</source>
        <translation>Epoche %1/%2</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Paused · </source>
        <translation>Pausiert · </translation>
    </message>
    <message>
        <source>step %1/%2 · loss %3 · acc %4
%5 tokens/s · ETA %6</source>
        <translation>Schritt %1/%2 · Verlust %3 · Genauigkeit %4
%5 Token/s · Restzeit %6</translation>
    </message>
    <message>
        <source>(continue with Resume from Checkpoint... in the Training panel: \1)</source>
        <translation>(fortsetzen mit „Ab Checkpoint fortsetzen...“ im Bedienfeld Training: \1)</translation>
    </message>
    <message numerus="yes">
        <source>done: %n epoch(s)</source>
        <translation>
            <numerusform>fertig: %n Epoche</numerusform>
            <numerusform>fertig: %n Epochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Best validation loss %1 at epoch %2</source>
        <translation>Bester Val.-Verlust %1 in Epoche %2</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 (checkpoint)</source>
        <translation>%1 (Checkpoint)</translation>
    </message>
    <message>
        <source>epoch %1 · %2 notes · longest copy %3</source>
        <translation>Epoche %1 · %2 Noten · längste Kopie %3</translation>
    </message>
    <message>
        <source>%1 notes in a row come from one training piece: the model is memorising its data</source>
        <translation>%1 Noten am Stück stammen aus einem Trainingsstück: Das Modell lernt seine Daten auswendig</translation>
    </message>
    <message numerus="yes">
        <source>trained %n epoch(s), best validation loss %1 at epoch %2; model: %3</source>
        <translation>
            <numerusform>%n Epoche trainiert, bester Validierungsverlust %1 in Epoche %2; Modell: %3</numerusform>
            <numerusform>%n Epochen trainiert, bester Validierungsverlust %1 in Epoche %2; Modell: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>trained %n epoch(s), no validation set; model: %1</source>
        <translation>
            <numerusform>%n Epoche trainiert, keine Validierungsdaten; Modell: %1</numerusform>
            <numerusform>%n Epochen trainiert, keine Validierungsdaten; Modell: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped at epoch %1, step %2; checkpoint saved</source>
        <translation>angehalten in Epoche %1, Schritt %2; Checkpoint gespeichert</translation>
    </message>
    <message>
        <source>time limit reached at epoch %1, step %2; checkpoint saved</source>
        <translation>Zeitlimit erreicht in Epoche %1, Schritt %2; Checkpoint gespeichert</translation>
    </message>
    <message>
        <source>Device: chosen at Start (a CUDA GPU if there is one, else CPU, %1)</source>
        <translation>Gerät: wird beim Start gewählt (eine CUDA-GPU, falls vorhanden, sonst CPU, %1)</translation>
    </message>
    <message>
        <source>Training needs the NoteForge training module, which is not installed (package noteforge-training). Generation, playback and export work without it.</source>
        <translation>Zum Trainieren wird das Trainingsmodul von NoteForge benötigt, das nicht installiert ist (Paket noteforge-training). Generieren, Wiedergabe und Export funktionieren ohne es.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Training module: %1</source>
        <translation>Trainingsmodul: %1</translation>
    </message>
    <message>
        <source>module from NF_TRAINING_MODULE</source>
        <translation>Modul aus NF_TRAINING_MODULE</translation>
    </message>
    <message>
        <source>your own module</source>
        <translation>Ihr eigenes Modul</translation>
    </message>
    <message>
        <source>packaged module</source>
        <translation>mitgeliefertes Modul</translation>
    </message>
    <message>
        <source>
LibTorch %1, %2</source>
        <translation>
LibTorch %1, %2</translation>
    </message>
    <message>
        <source>
Not used: %1</source>
        <translation>
Nicht verwendet: %1</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Ausgangspunkt:</translation>
    </message>
    <message>
        <source>step %1/%2 · generator loss %3
%4 bars/s · ETA %5</source>
        <translation>Schritt %1/%2 · Generator-Verlust %3
%4 Takte/s · Restzeit %5</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Train on this computer, or on another machine over SSH: a Host of your ~/.ssh/config or user@machine. That machine needs noteforge-cli of this version; your keys must let ssh in without a password prompt. The live charts, Pause and Stop work the same; the model is copied back when it ends.</source>
        <translation>Auf diesem Computer trainieren oder auf einem anderen Rechner über SSH: ein Host aus Ihrer ~/.ssh/config oder benutzer@rechner. Dieser Rechner braucht noteforge-cli in dieser Version; Ihre Schlüssel müssen ssh ohne Passwortabfrage hineinlassen. Die Live-Diagramme, Pause und Stopp funktionieren gleich; das Modell wird am Ende zurückkopiert.</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>Reattaching...</source>
        <translation>Verbinde wieder ...</translation>
    </message>
    <message>
        <source>Following the training on %1 that the last session started</source>
        <translation>Verfolge das Training auf %1, das die letzte Sitzung gestartet hat</translation>
    </message>
    <message>
        <source>Device: chosen on %1 at Start (its CUDA GPU if it has one, else all its cores)</source>
        <translation>Gerät: wird beim Start auf %1 gewählt (seine CUDA-GPU, falls vorhanden, sonst alle seine Kerne)</translation>
    </message>
    <message>
        <source>The training runs there through ssh; its noteforge-cli must be this version (%1)</source>
        <translation>Das Training läuft dort über ssh; sein noteforge-cli muss diese Version haben (%1)</translation>
    </message>
    <message>
        <source>On %1: </source>
        <translation>Auf %1: </translation>
    </message>
    <message>
        <source>
LibTorch %1</source>
        <translation>
LibTorch %1</translation>
    </message>
    <message>
        <source>Training %1 on %2 of %3</source>
        <translation>Training von %1 auf %2 von %3</translation>
    </message>
    <message>
        <source>Adapters only</source>
        <translation>Nur Adapter</translation>
    </message>
    <message>
        <source>Keep the base model&apos;s weights and train rank-%1 low-rank adapters on top of them: the model file is a few hundred kilobytes and opens with its base. Transformer bases only.</source>
        <translation>Die Gewichte des Basismodells bleiben, darauf werden Low-Rank-Adapter vom Rang %1 trainiert: Die Modelldatei ist einige hundert Kilobyte groß und öffnet sich mit ihrem Basismodell. Nur für Transformer-Basismodelle.</translation>
    </message>
</context>
<context>
    <name>nf::VelocityLane</name>
    <message>
        <source>Velocity: drag a stem up or down (all selected notes when the stem is selected)</source>
        <translation>Anschlagstärke: einen Balken nach oben oder unten ziehen (alle ausgewählten Noten, wenn der Balken ausgewählt ist)</translation>
    </message>
    <message>
        <source>Change velocity</source>
        <translation>Anschlagstärke ändern</translation>
    </message>
</context>
<context>
    <name>nf::WelcomePanel</name>
    <message>
        <source>&lt;b&gt;Welcome to NoteForge.&lt;/b&gt; Five steps make a new piece from a folder of music (the bundled demo tunes open on a first start). Each button does its step.</source>
        <translation>&lt;b&gt;Willkommen bei NoteForge.&lt;/b&gt; In fünf Schritten vom Musikordner zum neuen Stück (beim ersten Start öffnen sich die Demo-Stücke). Jede Schaltfläche erledigt ihren Schritt.</translation>
    </message>
    <message>
        <source>1. Open data</source>
        <translation>1. Daten öffnen</translation>
    </message>
    <message>
        <source>A folder of MIDI or ABC files (or drop one here)</source>
        <translation>Ein Ordner mit MIDI- oder ABC-Dateien (oder hierher ziehen)</translation>
    </message>
    <message>
        <source>2. Train</source>
        <translation>2. Trainieren</translation>
    </message>
    <message>
        <source>3. Generate</source>
        <translation>3. Generieren</translation>
    </message>
    <message>
        <source>New pieces from the model, into the piano roll</source>
        <translation>Neue Stücke aus dem Modell, direkt in die Piano-Roll</translation>
    </message>
    <message>
        <source>4. Listen</source>
        <translation>4. Anhören</translation>
    </message>
    <message>
        <source>Play the piece (Space), then edit its notes</source>
        <translation>Abspielen (Leertaste), dann Noten bearbeiten</translation>
    </message>
    <message>
        <source>5. Export</source>
        <translation>5. Exportieren</translation>
    </message>
    <message>
        <source>Save it as a MIDI file for a DAW or a score</source>
        <translation>Als MIDI-Datei für DAW oder Notensatz speichern</translation>
    </message>
    <message>
        <source>Export Audio...</source>
        <translation>Audio exportieren...</translation>
    </message>
    <message>
        <source>Render the piece with the soundfont to WAV, FLAC, OGG or MP3</source>
        <translation>Das Stück mit dem SoundFont als WAV, FLAC, OGG oder MP3 rendern</translation>
    </message>
    <message>
        <source>Open the Demo Tunes</source>
        <translation>Demo-Stücke öffnen</translation>
    </message>
    <message>
        <source>Open the bundled demo dataset again</source>
        <translation>Den mitgelieferten Demo-Datensatz erneut öffnen</translation>
    </message>
    <message>
        <source>Close Guide</source>
        <translation>Anleitung schließen</translation>
    </message>
    <message>
        <source>Hide this guide; Help &gt; Welcome Guide brings it back</source>
        <translation>Diese Anleitung ausblenden; Hilfe &gt; Erste Schritte holt sie zurück</translation>
    </message>
    <message>
        <source>A base model learns the style; watch its loss fall</source>
        <translation>Ein Basismodell lernt den Stil; der Verlust sinkt</translation>
    </message>
</context>
<context>
    <name>nf::UnheardPart</name>
    <message>
        <source>%1 heard no drums in training (none of its %2 pieces had a drum part): its drums will be a guess. For drums choose a model that heard them (multitrack), or Drums from a drum model.</source>
        <translation>%1 hat im Training kein Schlagzeug gehört (keines seiner %2 Stücke hatte eine Schlagzeugstimme): sein Schlagzeug wird geraten sein. Für Schlagzeug ein Modell wählen, das es gehört hat (multitrack), oder Schlagzeug aus einem Schlagzeugmodell.</translation>
    </message>
    <message>
        <source>%1 heard no %2 or anything of its family in training (none of its %3 pieces): the part will be a guess, maybe in another register.</source>
        <translation>%1 hat im Training kein %2 und nichts aus dessen Familie gehört (in keinem seiner %3 Stücke): die Stimme wird geraten sein, vielleicht in einer anderen Lage.</translation>
    </message>
</context>
</TS>
