<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n tune(s) failed</source>
        <translation>
            <numerusform>%n tune failed</numerusform>
            <numerusform>%n tunes failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::EditController</name>
    <message numerus="yes">
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>Copied %n note</numerusform>
            <numerusform>Copied %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::GenerationPanel</name>
    <message numerus="yes">
        <source>Generated %n piece(s)</source>
        <translation>
            <numerusform>Generated %n piece</numerusform>
            <numerusform>Generated %n pieces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::MainWindow</name>
    <message numerus="yes">
        <source>%n file(s) could not be read; they are listed with their errors in the Dataset panel.</source>
        <translation>
            <numerusform>%n file could not be read; they is listed with their errors in the Dataset panel.</numerusform>
            <numerusform>%n files could not be read; they are listed with their errors in the Dataset panel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioCallResponse</name>
    <message numerus="yes">
        <source>Phrase of %n note(s) heard: answering from bar %1</source>
        <translation>
            <numerusform>Phrase of %n note heard: answering from bar %1</numerusform>
            <numerusform>Phrase of %n notes heard: answering from bar %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put its take (%n note(s)) in the editor?</source>
        <translation>
            <numerusform>Put its take (%n note) in the editor?</numerusform>
            <numerusform>Put its take (%n notes) in the editor?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call and response: the take (%n note(s)) is in the editor</source>
        <translation>
            <numerusform>Call and response: the take (%n note) is in the editor</numerusform>
            <numerusform>Call and response: the take (%n notes) is in the editor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answer of %n note(s) ready %1 ms after your phrase, %2 ms before its downbeat (bar %3)</source>
        <translation>
            <numerusform>Answer of %n note ready %1 ms after your phrase, %2 ms before its downbeat (bar %3)</numerusform>
            <numerusform>Answer of %n notes ready %1 ms after your phrase, %2 ms before its downbeat (bar %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioFiles</name>
    <message numerus="yes">
        <source>%n generated piece(s) are not in a saved project</source>
        <translation>
            <numerusform>%n generated piece is not in a saved project</numerusform>
            <numerusform>%n generated pieces are not in a saved project</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioGeneration</name>
    <message numerus="yes">
        <source>Generated %n piece(s) as results %1 to %2 (%3)</source>
        <translation>
            <numerusform>Generated %n piece as results %1 to %2 (%3)</numerusform>
            <numerusform>Generated %n pieces as results %1 to %2 (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generated %n piece(s); the piece in the editor has unsaved edits, so double-click a result to open it</source>
        <translation>
            <numerusform>Generated %n piece; the piece in the editor has unsaved edits, so double-click a result to open it</numerusform>
            <numerusform>Generated %n pieces; the piece in the editor has unsaved edits, so double-click a result to open it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) of generated piece %1 to %2</source>
        <translation>
            <numerusform>Added %n track of generated piece %1 to %2</numerusform>
            <numerusform>Added %n tracks of generated piece %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioPhraseRecorder</name>
    <message numerus="yes">
        <source>Recorded %n note(s); Generate continues them</source>
        <translation>
            <numerusform>Recorded %n note; Generate continues them</numerusform>
            <numerusform>Recorded %n notes; Generate continues them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::StudioSteering</name>
    <message numerus="yes">
        <source>%n candidate(s) of the model are waiting: press a number key to hear one</source>
        <translation>
            <numerusform>%n candidate of the model is waiting: press a number key to hear one</numerusform>
            <numerusform>%n candidates of the model are waiting: press a number key to hear one</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nf::TrainingPanel</name>
    <message numerus="yes">
        <source>trained %n epoch(s), best validation loss %1 at epoch %2; model: %3</source>
        <translation>
            <numerusform>trained %n epoch, best validation loss %1 at epoch %2; model: %3</numerusform>
            <numerusform>trained %n epochs, best validation loss %1 at epoch %2; model: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>trained %n epoch(s), no validation set; model: %1</source>
        <translation>
            <numerusform>trained %n epoch, no validation set; model: %1</numerusform>
            <numerusform>trained %n epochs, no validation set; model: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>done: %n epoch(s)</source>
        <translation>
            <numerusform>done: %n epoch</numerusform>
            <numerusform>done: %n epochs</numerusform>
        </translation>
    </message>
</context>
</TS>
