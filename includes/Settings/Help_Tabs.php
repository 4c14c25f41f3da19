<?php
/**
 * The settings page's WordPress Help tabs: getting started and the FAQ.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * The same facts as the screen's getting-started panel (eligibility, credential types, where
 * Associates Central creates credentials per marketplace), with the questions publishers ask.
 */
final class Help_Tabs {

	/**
	 * Region groups in the order the help lists them, with their names.
	 *
	 * @return array<string, string>
	 */
	private static function regions(): array {
		return array(
			'NA' => __( 'Americas', 'creators-connect-for-amazon' ),
			'EU' => __( 'Europe, India and the Middle East', 'creators-connect-for-amazon' ),
			'FE' => __( 'Japan, Singapore and Australia', 'creators-connect-for-amazon' ),
		);
	}

	/**
	 * Adds the tabs to the current screen.
	 */
	public static function add(): void {
		$screen = get_current_screen();
		if ( null === $screen ) {
			return;
		}
		$screen->add_help_tab(
			array(
				'id'      => 'acapi-getting-started',
				'title'   => __( 'Getting started', 'creators-connect-for-amazon' ),
				'content' => self::getting_started(),
			)
		);
		$screen->add_help_tab(
			array(
				'id'      => 'acapi-credentials',
				'title'   => __( 'Where to get credentials', 'creators-connect-for-amazon' ),
				'content' => self::credentials(),
			)
		);
		$screen->add_help_tab(
			array(
				'id'      => 'acapi-faq',
				'title'   => __( 'FAQ', 'creators-connect-for-amazon' ),
				'content' => self::faq(),
			)
		);
	}

	/**
	 * Eligibility and credential types.
	 */
	private static function getting_started(): string {
		return '<p>' . esc_html__( 'Eligibility: Amazon opens the Creators API to Associates accounts with at least 10 qualified sales in the last 30 days. Below that, Amazon suspends access (the API answers "not eligible"); it comes back by itself within a few days once sales ship again. New credentials can also answer "not eligible" for up to two days.', 'creators-connect-for-amazon' ) . '</p>'
			. '<p>' . esc_html__( 'Credential types: credentials created since February 2026 are Login with Amazon (v3); their Credential ID starts with "amzn1.application-oa2-client." and the secret with "amzn1.oa2-cs.v1.". Older ones are Cognito (v2): a short Credential ID of letters and digits. The screen picks the type from the ID and the API version from type and region.', 'creators-connect-for-amazon' ) . '</p>'
			. '<p>' . esc_html__( 'Steps: add a marketplace with its credentials and partner tag, test the connection, then put a product on a page with the Amazon product block or [amazon asin="…"].', 'creators-connect-for-amazon' ) . '</p>';
	}

	/**
	 * Per region, where each marketplace's Associates Central creates Creators API credentials.
	 */
	private static function credentials(): string {
		$html = '<p>' . esc_html__( 'Credentials are created once per marketplace, by the account\'s primary owner: Associates Central → Tools → Creators API → Create application → Add new credential. Each marketplace has its own Associates Central:', 'creators-connect-for-amazon' ) . '</p>';
		foreach ( self::regions() as $region => $label ) {
			$links = array();
			foreach ( Marketplace_Registry::all() as $marketplace ) {
				if ( $marketplace->region === $region ) {
					$links[] = sprintf( '<a href="%s" target="_blank" rel="noopener noreferrer">%s</a>', esc_url( $marketplace->creators_api_url() ), esc_html( $marketplace->name ) );
				}
			}
			$html .= sprintf(
				'<p><strong>%s</strong> (%s): %s</p>',
				esc_html( $label ),
				/* translators: %s: partner tag suffix such as -20. */
				esc_html( sprintf( __( 'partner tags usually end in %s', 'creators-connect-for-amazon' ), Marketplace_Registry::tag_suffix( $region ) ) ),
				implode( ', ', $links )
			);
		}
		return $html;
	}

	/**
	 * Questions and answers.
	 */
	private static function faq(): string {
		$items = array(
			__( 'The connection test says "not eligible".', 'creators-connect-for-amazon' ) => __( 'The account has had fewer than 10 qualified sales in 30 days, or the credentials are less than two days old. With PA-API 5.0 keys saved, PA-API answers meanwhile; the routing panel says when that happened.', 'creators-connect-for-amazon' ),
			__( 'The connection test says the credentials were not accepted.', 'creators-connect-for-amazon' ) => __( 'Copy the Credential ID and Secret again from the same marketplace\'s Associates Central and check the credential type: credentials only work in the region they were created for.', 'creators-connect-for-amazon' ),
			__( 'Why a warning about my partner tag?', 'creators-connect-for-amazon' ) => __( 'Tags usually end in -20 in the Americas, -21 in Europe, India and the Middle East, and -22 in Japan, Singapore and Australia. A tag from another store earns nothing; the warning does not stop you from saving.', 'creators-connect-for-amazon' ),
			__( 'What happens to a disabled marketplace?', 'creators-connect-for-amazon' ) => __( 'Its stored credentials are kept but not used. PA-API 5.0 answers for it when its keys are saved; otherwise its products show no Amazon data.', 'creators-connect-for-amazon' ),
			__( 'Can I copy these settings to another site?', 'creators-connect-for-amazon' ) => __( 'Export them as JSON and import them on the other site; secrets are never exported, the import asks for them.', 'creators-connect-for-amazon' ),
		);
		$html  = '<dl>';
		foreach ( $items as $question => $answer ) {
			$html .= '<dt><strong>' . esc_html( $question ) . '</strong></dt><dd>' . esc_html( $answer ) . '</dd>';
		}
		return $html . '</dl>';
	}
}
