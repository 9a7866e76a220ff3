// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/Sf2Writer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "util/AtomicFile.h"

namespace nf {

namespace {

// SF2 asks for at least 46 zero frames after each sample so interpolation past the end reads silence.
constexpr std::uint32_t kSampleGuard = 46;

class Bytes {
public:
    void u8(std::uint8_t v) { out.push_back(v); }
    void u16(std::uint16_t v) {
        u8(static_cast<std::uint8_t>(v & 0xff));
        u8(static_cast<std::uint8_t>(v >> 8));
    }
    void u32(std::uint32_t v) {
        u16(static_cast<std::uint16_t>(v & 0xffff));
        u16(static_cast<std::uint16_t>(v >> 16));
    }
    void id(const char* fourcc) { out.insert(out.end(), fourcc, fourcc + 4); }
    // Fixed 20-byte name field, zero padded (the last byte always zero).
    void name20(const std::string& s) {
        for (std::size_t i = 0; i < 20; ++i) u8(i < 19 && i < s.size() ? static_cast<std::uint8_t>(s[i]) : 0);
    }
    // Opens a chunk (and a LIST type when given); returns the offset to patch with close().
    std::size_t open(const char* fourcc, const char* listType = nullptr) {
        id(fourcc);
        const std::size_t at = out.size();
        u32(0);
        if (listType) id(listType);
        return at;
    }
    void close(std::size_t sizeAt) {
        const std::size_t size = out.size() - sizeAt - 4;
        if (size > 0xffffffffu) throw std::invalid_argument("SF2 chunk larger than 4 GiB");
        for (int i = 0; i < 4; ++i) out[sizeAt + i] = static_cast<std::uint8_t>((size >> (8 * i)) & 0xff);
        if (size & 1u) u8(0);  // RIFF chunks are word aligned
    }
    void zstrChunk(const char* fourcc, const std::string& text) {
        const std::size_t at = open(fourcc);
        out.insert(out.end(), text.begin(), text.end());
        u8(0);
        if ((text.size() + 1) & 1u) u8(0);  // even length including the terminator, as the spec asks
        close(at);
    }
    std::vector<std::uint8_t> out;
};

void checkRange(const Sf2Zone& z, const std::string& where) {
    if (z.keyLo < 0 || z.keyHi > 127 || z.keyLo > z.keyHi || z.velLo < 0 || z.velHi > 127 || z.velLo > z.velHi)
        throw std::invalid_argument(where + ": key or velocity range out of 0..127");
}

void validate(const Sf2Bank& bank) {
    if (bank.samples.empty() || bank.instruments.empty() || bank.presets.empty())
        throw std::invalid_argument("SF2 bank needs at least one sample, instrument and preset");
    for (const auto& s : bank.samples) {
        if (s.data.empty()) throw std::invalid_argument("sample '" + s.name + "' is empty");
        if (s.loopEnd != 0 && (s.loopStart >= s.loopEnd || s.loopEnd > s.data.size()))
            throw std::invalid_argument("sample '" + s.name + "': loop points outside the sample");
        if (s.sampleRate < 400) throw std::invalid_argument("sample '" + s.name + "': sample rate too low");
    }
    for (const auto& inst : bank.instruments)
        for (const auto& z : inst.zones) {
            checkRange(z, "instrument '" + inst.name + "'");
            if (z.target < 0 || z.target >= static_cast<int>(bank.samples.size()))
                throw std::invalid_argument("instrument '" + inst.name + "' uses a missing sample");
        }
    for (const auto& p : bank.presets) {
        if (p.bank < 0 || p.bank > 16383 || p.program < 0 || p.program > 127)
            throw std::invalid_argument("preset '" + p.name + "': bank or program out of range");
        for (const auto& z : p.zones) {
            checkRange(z, "preset '" + p.name + "'");
            if (z.target < 0 || z.target >= static_cast<int>(bank.instruments.size()))
                throw std::invalid_argument("preset '" + p.name + "' uses a missing instrument");
        }
    }
}

// A zone's generators in the order the spec requires: keyRange first, velRange next, the target last.
void writeZoneGenerators(Bytes& gen, const Sf2Zone& z, std::uint16_t targetOp, std::size_t& count) {
    gen.u16(sf2gen::KeyRange);
    gen.u8(static_cast<std::uint8_t>(z.keyLo));
    gen.u8(static_cast<std::uint8_t>(z.keyHi));
    gen.u16(sf2gen::VelRange);
    gen.u8(static_cast<std::uint8_t>(z.velLo));
    gen.u8(static_cast<std::uint8_t>(z.velHi));
    count += 2;
    for (const auto& g : z.generators) {
        if (g.op == sf2gen::KeyRange || g.op == sf2gen::VelRange || g.op == targetOp) continue;
        gen.u16(g.op);
        gen.u16(static_cast<std::uint16_t>(g.amount));
        ++count;
    }
    gen.u16(targetOp);
    gen.u16(static_cast<std::uint16_t>(z.target));
    ++count;
}

// Writes one level of the hydra: headers (phdr/inst), bags, modulators (none) and generators.
template <typename Item, typename Header>
void writeLevel(Bytes& pdta, const std::vector<Item>& items, const char* hdrId, const char* bagId, const char* modId,
                const char* genId, std::uint16_t targetOp, Header writeHeader, const char* terminalName) {
    Bytes hdr, bag, gen;
    std::size_t bags = 0, gens = 0;
    for (const auto& item : items) {
        writeHeader(hdr, item, static_cast<std::uint16_t>(bags));
        for (const auto& z : item.zones) {
            bag.u16(static_cast<std::uint16_t>(gens));
            bag.u16(0);
            ++bags;
            writeZoneGenerators(gen, z, targetOp, gens);
        }
    }
    if (bags > 0xffff || gens > 0xffff) throw std::invalid_argument("SF2 bank has more than 65535 zones or generators");
    Item terminal;
    terminal.name = terminalName;
    writeHeader(hdr, terminal, static_cast<std::uint16_t>(bags));
    bag.u16(static_cast<std::uint16_t>(gens));
    bag.u16(0);
    gen.u32(0);

    auto chunk = [&](const char* id, const Bytes& body) {
        const std::size_t at = pdta.open(id);
        pdta.out.insert(pdta.out.end(), body.out.begin(), body.out.end());
        pdta.close(at);
    };
    chunk(hdrId, hdr);
    chunk(bagId, bag);
    Bytes mod;
    for (int i = 0; i < 10; ++i) mod.u8(0);  // only the terminal modulator record
    chunk(modId, mod);
    chunk(genId, gen);
}

}  // namespace

std::int16_t secondsToTimecents(double seconds) {
    if (seconds <= 0.001) return -12000;
    return static_cast<std::int16_t>(std::clamp(std::lround(1200.0 * std::log2(seconds)), -12000L, 8000L));
}

std::vector<std::uint8_t> writeSf2(const Sf2Bank& bank) {
    validate(bank);
    Bytes f;
    const std::size_t riff = f.open("RIFF", "sfbk");

    const std::size_t info = f.open("LIST", "INFO");
    const std::size_t ifil = f.open("ifil");
    f.u16(2);
    f.u16(1);
    f.close(ifil);
    f.zstrChunk("isng", "EMU8000");
    f.zstrChunk("INAM", bank.name.empty() ? "NoteForge soundfont" : bank.name);
    if (!bank.copyright.empty()) f.zstrChunk("ICOP", bank.copyright);
    if (!bank.comment.empty()) f.zstrChunk("ICMT", bank.comment);
    f.zstrChunk("ISFT", "NoteForge SF2 writer");
    f.close(info);

    // Sample data: each sample followed by its zero guard; shdr offsets point into this one array.
    std::vector<std::uint32_t> starts;
    const std::size_t sdta = f.open("LIST", "sdta");
    const std::size_t smpl = f.open("smpl");
    std::uint32_t frame = 0;
    for (const auto& s : bank.samples) {
        starts.push_back(frame);
        for (std::int16_t v : s.data) f.u16(static_cast<std::uint16_t>(v));
        for (std::uint32_t i = 0; i < kSampleGuard; ++i) f.u16(0);
        frame += static_cast<std::uint32_t>(s.data.size()) + kSampleGuard;
    }
    f.close(smpl);
    f.close(sdta);

    const std::size_t pdta = f.open("LIST", "pdta");
    writeLevel(f, bank.presets, "phdr", "pbag", "pmod", "pgen", sf2gen::Instrument,
               [](Bytes& h, const Sf2Preset& p, std::uint16_t bagIndex) {
                   h.name20(p.name);
                   h.u16(static_cast<std::uint16_t>(p.program));
                   h.u16(static_cast<std::uint16_t>(p.bank));
                   h.u16(bagIndex);
                   h.u32(0);
                   h.u32(0);
                   h.u32(0);
               },
               "EOP");
    writeLevel(f, bank.instruments, "inst", "ibag", "imod", "igen", sf2gen::SampleId,
               [](Bytes& h, const Sf2Instrument& i, std::uint16_t bagIndex) {
                   h.name20(i.name);
                   h.u16(bagIndex);
               },
               "EOI");
    const std::size_t shdr = f.open("shdr");
    for (std::size_t i = 0; i < bank.samples.size(); ++i) {
        const auto& s = bank.samples[i];
        const std::uint32_t start = starts[i];
        const std::uint32_t end = start + static_cast<std::uint32_t>(s.data.size());
        f.name20(s.name);
        f.u32(start);
        f.u32(end);
        f.u32(s.loopEnd ? start + s.loopStart : start);
        f.u32(s.loopEnd ? start + s.loopEnd : start);
        f.u32(s.sampleRate);
        f.u8(s.originalPitch);
        f.u8(static_cast<std::uint8_t>(s.pitchCorrection));
        f.u16(0);
        f.u16(1);  // monoSample
    }
    f.name20("EOS");
    for (int i = 0; i < 5; ++i) f.u32(0);
    f.u8(0);
    f.u8(0);
    f.u16(0);
    f.u16(0);
    f.close(shdr);
    f.close(pdta);

    f.close(riff);
    return std::move(f.out);
}

void writeSf2File(const Sf2Bank& bank, const std::string& path) {
    const auto bytes = writeSf2(bank);
    writeFileAtomically(path, bytes);
}

}  // namespace nf
