#include <gtest/gtest.h>

#include "canvasfit/sections.hpp"
#include "structure/titles.hpp"

using canvasfit::Section;
using canvasfit::section_from_title;

TEST(SectionTitles, RecognisesTheTitlesPeopleUse) {
    const std::pair<const char*, Section> cases[] = {
        {"Customer Jobs", Section::jobs},          {"Jobs", Section::jobs},
        {"Jobs to be done", Section::jobs},        {"JOBS-TO-BE-DONE", Section::jobs},
        {"Pains", Section::pains},                 {"Customer Pains", Section::pains},
        {"Gains", Section::gains},                 {"Customer Gains", Section::gains},
        {"Products & Services", Section::products}, {"Products and Services", Section::products},
        {"Products + services", Section::products}, {"Pain Relievers", Section::relievers},
        {"Pain relievers:", Section::relievers},   {"Gain Creators", Section::creators},
        {"gain creators", Section::creators},      {"Customer Segment", Section::segment},
        {"Segment", Section::segment},             {"1. Pains", Section::pains},
        {"😖 Pains", Section::pains},              {"  pains  ", Section::pains},
    };
    for (const auto& [title, section] : cases) {
        const auto found = section_from_title(title);
        ASSERT_TRUE(found.has_value()) << title;
        EXPECT_EQ(*found, section) << title;
    }
}

TEST(SectionTitles, AcceptsAQualifierAfterASeparator) {
    EXPECT_EQ(section_from_title("Pains – parents"), Section::pains);
    EXPECT_EQ(section_from_title("Gain creators (how we help)"), Section::creators);
    EXPECT_EQ(section_from_title("Customer Segment: Busy parents"), Section::segment);
    EXPECT_EQ(canvasfit::title_qualifier("Customer Segment: Busy parents"), "Busy parents");
    EXPECT_EQ(canvasfit::title_qualifier("Canvas — Students"), "Students");
    EXPECT_EQ(canvasfit::title_qualifier("Pains"), "");
}

TEST(SectionTitles, DoesNotMistakeNotesForTitles) {
    EXPECT_FALSE(section_from_title("Pain of chasing invoices"));
    EXPECT_FALSE(section_from_title("Gains in productivity"));
    EXPECT_FALSE(section_from_title("Orders get lost"));
    EXPECT_FALSE(section_from_title(""));
    EXPECT_FALSE(section_from_title("time-consuming jobs"));
}

TEST(SectionTitles, PainIsNotPainReliever) {
    EXPECT_EQ(section_from_title("Pain"), Section::pains);
    EXPECT_EQ(section_from_title("Pain reliever"), Section::relievers);
    EXPECT_EQ(section_from_title("Gain"), Section::gains);
    EXPECT_EQ(section_from_title("Gain creator"), Section::creators);
    EXPECT_EQ(section_from_title("Gain Providers"), Section::creators);  // as some teams name them
}

TEST(SectionTitles, CanvasTitles) {
    EXPECT_TRUE(canvasfit::is_canvas_title("Value Proposition Canvas"));
    EXPECT_TRUE(canvasfit::is_canvas_title("Canvas 2"));
    EXPECT_TRUE(canvasfit::is_canvas_title("VPC: Students"));
    EXPECT_FALSE(canvasfit::is_canvas_title("Canvas shoes are cheap"));
    EXPECT_FALSE(canvasfit::is_canvas_title("Pains"));
}

TEST(SectionNames, RoundTrip) {
    for (Section section : canvasfit::kAllSections)
        EXPECT_EQ(canvasfit::section_from_name(canvasfit::section_name(section)), section);
    EXPECT_FALSE(canvasfit::section_from_name("pain"));
}

// Templates and teams that work in another language title the sections in it;
// the accents may be there or not ("Tâches" / "Taches").
TEST(SectionTitles, RecognisesTheSectionsInTheLanguagesTheCanvasIsTaughtIn) {
    const std::pair<const char*, Section> cases[] = {
        // German
        {"Kundenaufgaben", Section::jobs},         {"Kunden-Jobs", Section::jobs},
        {"Probleme", Section::pains},              {"Gewinne", Section::gains},
        {"Produkte & Dienstleistungen", Section::products},
        {"Problemlöser", Section::relievers},      {"Schmerzlinderer", Section::relievers},
        {"Gewinnerzeuger", Section::creators},     {"Gewinn-Erzeuger", Section::creators},
        {"Kundensegment", Section::segment},
        // French
        {"Tâches du client", Section::jobs},       {"Taches clients", Section::jobs},
        {"Problèmes (Pains)", Section::pains},     {"Bénéfices", Section::gains},
        {"Produits et services", Section::products}, {"Réducteurs de problèmes", Section::relievers},
        {"Créateurs de gains", Section::creators}, {"Segment de clientèle", Section::segment},
        {"CRÉATEURS DE GAINS", Section::creators}, {"Bénéfices attendus", Section::gains},
        // Spanish
        {"Trabajos del cliente", Section::jobs},   {"Frustraciones", Section::pains},
        {"Alegrías", Section::gains},              {"Productos y Servicios", Section::products},
        {"Aliviadores de frustraciones", Section::relievers},
        {"Creadores de alegrías", Section::creators},
        // Portuguese
        {"Tarefas do cliente", Section::jobs},     {"Dores", Section::pains},
        {"Ganhos", Section::gains},                {"Produtos e Serviços", Section::products},
        {"Aliviadores de Dor", Section::relievers}, {"Criadores de Ganho", Section::creators},
        // Dutch
        {"Klanttaken", Section::jobs},             {"Pijnpunten", Section::pains},
        {"Voordelen", Section::gains},             {"Producten & diensten", Section::products},
        {"Pijnverzachters", Section::relievers},   {"Voordeelverschaffers", Section::creators},
        // Italian
        {"Compiti del cliente", Section::jobs},    {"Problemi", Section::pains},
        {"Vantaggi", Section::gains},              {"Prodotti e servizi", Section::products},
        {"Antidolorifici", Section::relievers},    {"Creatori di vantaggi", Section::creators},
    };
    for (const auto& [title, section] : cases) {
        const auto found = section_from_title(title);
        ASSERT_TRUE(found.has_value()) << title;
        EXPECT_EQ(*found, section) << title;
    }
    EXPECT_TRUE(canvasfit::is_canvas_title("Lienzo de propuesta de valor"));
    EXPECT_TRUE(canvasfit::is_canvas_title("Canevas de proposition de valeur – étudiants"));
}

TEST(SectionTitles, DoesNotMistakeNotesInOtherLanguagesForTitles) {
    EXPECT_FALSE(section_from_title("Probleme mit der Kasse"));
    EXPECT_FALSE(section_from_title("Tâches répétitives le matin"));
    EXPECT_FALSE(section_from_title("Вход в систему"));  // Cyrillic: not folded to a Latin title
    EXPECT_FALSE(section_from_title("Productos frescos cada día"));
    // A long note in a script the pre-check cannot count in ASCII letters
    EXPECT_FALSE(section_from_title("Заказы по телефону теряются в час пик, и никто не замечает"));
}
