<?php
/**
 * The opt-in weekly e-mail digest of product health.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

/**
 * Off until the site admin turns it on (Tools → Product health). Once a week (WP-Cron event
 * `acapi_health_digest`) it e-mails the site admin the number of problem products per state and
 * the titles of the posts that show them, with edit links. Amazon does not allow its content in
 * e-mail (docs/product-health.md): no product links, prices, images, titles or ASINs go in it: only
 * counts and the site's own post titles and admin links. A week with no problem sends nothing.
 */
final class Health_Digest {

	public const OPTION = 'acapi_health_digest';
	public const HOOK   = 'acapi_health_digest';

	/**
	 * Report.
	 *
	 * @var Health_Report
	 */
	private Health_Report $report;

	/**
	 * Builds the digest.
	 *
	 * @param Health_Report $report Report.
	 */
	public function __construct( Health_Report $report ) {
		$this->report = $report;
	}

	/**
	 * Adds the cron handler.
	 */
	public function register_hooks(): void {
		add_action( self::HOOK, array( $this, 'send' ) );
	}

	/**
	 * Whether the digest is on.
	 */
	public function is_enabled(): bool {
		return (bool) get_option( self::OPTION, false );
	}

	/**
	 * Turns the digest on (scheduled weekly from now) or off (unscheduled).
	 *
	 * @param bool $enabled On or off.
	 */
	public function set_enabled( bool $enabled ): void {
		update_option( self::OPTION, $enabled, false );
		wp_clear_scheduled_hook( self::HOOK );
		if ( $enabled ) {
			wp_schedule_event( time() + 7 * 86400, 'weekly', self::HOOK );
		}
	}

	/**
	 * Removes the schedule (deactivation, uninstall).
	 */
	public static function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * Cron handler: sends the digest when it is on and something needs attention.
	 *
	 * @return bool Whether an e-mail was handed to wp_mail() and accepted.
	 */
	public function send(): bool {
		if ( ! $this->is_enabled() ) {
			return false;
		}
		$message = $this->message();
		if ( null === $message ) {
			return false;
		}
		$to = (string) get_option( 'admin_email' );
		if ( ! is_email( $to ) ) {
			return false;
		}
		return wp_mail( $to, $message['subject'], $message['body'] );
	}

	/**
	 * The e-mail: a subject and a plain-text body, or null when no product needs attention.
	 *
	 * @return array{subject: string, body: string}|null
	 */
	public function message(): ?array {
		$counts = $this->report->counts();
		$total  = (int) array_sum( $counts );
		if ( 0 === $total ) {
			return null;
		}
		$site  = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		$lines = array(
			sprintf(
				/* translators: 1: number of products, 2: site name. */
				_n( '%1$d Amazon product on %2$s needs attention.', '%1$d Amazon products on %2$s need attention.', $total, 'creators-connect-for-amazon' ),
				$total,
				$site
			),
			'',
		);
		foreach ( Product_State::PROBLEMS as $state ) {
			if ( ! empty( $counts[ $state ] ) ) {
				$lines[] = sprintf( '- %s: %d', Product_State::label( $state ), $counts[ $state ] );
			}
		}
		$posts = array();
		foreach ( $this->report->items() as $item ) {
			foreach ( $item['posts'] as $post ) {
				$posts[ $post['id'] ] = $post['title'];
			}
		}
		if ( array() !== $posts ) {
			$lines[] = '';
			$lines[] = __( 'Posts that show them:', 'creators-connect-for-amazon' );
			foreach ( $posts as $id => $title ) {
				$lines[] = '- ' . wp_specialchars_decode( $title, ENT_QUOTES ) . "\n  " . Health_Report::edit_url( (int) $id );
			}
		}
		$lines[] = '';
		$lines[] = __( 'Details: Tools → Product health', 'creators-connect-for-amazon' );
		$lines[] = add_query_arg( 'page', Health_Page::MENU_SLUG, admin_url( 'tools.php' ) );
		return array(
			/* translators: 1: site name, 2: number of products. */
			'subject' => sprintf( __( '[%1$s] Amazon product health: %2$d need attention', 'creators-connect-for-amazon' ), $site, $total ),
			'body'    => implode( "\n", $lines ),
		);
	}
}
